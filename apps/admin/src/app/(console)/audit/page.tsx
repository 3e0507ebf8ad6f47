import {
  Card,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { AuditAction, AuditRecord, type AuditRecordLink } from "@portal/ui/audit-log";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditChanges } from "@/components/audit/audit-changes";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { auditFilters, auditQuery, type AuditSearch } from "@/components/audit/audit-search";
import { ExportButtons } from "@/components/export-buttons";
import { Pager, pageNumber, withQuery } from "@/components/pager";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminAudit");
  return { title: t("title") };
}

/** Where an audited record lives: console pages here, portal pages at PORTAL_URL when it is configured. */
function recordHref(href: NonNullable<AuditRecordLink["href"]>): string | null {
  if (href.app === "admin") return href.path;
  const portal = process.env.PORTAL_URL?.replace(/\/+$/, "");
  return portal ? `${portal}${href.path}` : null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const [params, api, t, tr, format] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("adminAudit"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const filters = auditFilters(params);
  const [result, options] = await Promise.all([
    orNotFound(() => api.audit.list({ filters, page: pageNumber(params.page), pageSize: 50 })),
    api.audit.filterOptions(),
  ]);
  const query = auditQuery(filters);
  const filtered = Object.values(query).some(Boolean);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ExportButtons href={withQuery("/api/exports/audit", query)} label={t("export")} testId="export-audit" />
        }
      />
      <AuditFilterForm filters={filters} options={options} filtered={filtered} />
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={filtered ? t("emptyFiltered") : undefined} />
      ) : (
        <Card>
          <Table data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("when")}</TableHead>
                <TableHead>{t("actor")}</TableHead>
                <TableHead>{t("action")}</TableHead>
                <TableHead>{t("record")}</TableHead>
                <TableHead>{t("changes")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((event) => (
                <TableRow key={event.id} className="align-top" data-testid="audit-row">
                  <TableCell alignTop className="whitespace-nowrap text-sm">
                    <time dateTime={event.at.toISOString()}>
                      {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </TableCell>
                  <TableCell alignTop>
                    {event.actor.id ? (
                      <Link
                        href={withQuery("/audit", { ...query, actor: event.actor.id })}
                        className="font-medium link"
                        title={t("onlyThisActor")}
                      >
                        {event.actor.name ?? event.actor.email}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{t("system")}</span>
                    )}
                    {event.actor.role ? (
                      <div className="text-xs text-muted-foreground">{tr(event.actor.role)}</div>
                    ) : null}
                  </TableCell>
                  <TableCell alignTop>
                    <AuditAction action={event.action} />
                  </TableCell>
                  <TableCell alignTop>
                    <AuditRecord
                      entityType={event.entityType}
                      entityId={event.entityId}
                      record={event.record}
                      hrefFor={recordHref}
                    />
                    <div>
                      <Link
                        href={withQuery("/audit", { entityType: event.entityType, entityId: event.entityId })}
                        className="text-xs link"
                      >
                        {t("historyOfRecord")}
                      </Link>
                    </div>
                  </TableCell>
                  <TableCell alignTop className="max-w-xl">
                    <AuditChanges changes={event.changes} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <Pager
        page={result.page}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(p) => withQuery("/audit", { ...query, page: p })}
      />
    </>
  );
}
