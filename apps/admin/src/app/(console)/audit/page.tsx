import {
  Button,
  Card,
  EmptyState,
  Input,
  Label,
  PageHeader,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { AuditAction, AuditRecord, type AuditRecordLink, AuditValue } from "@portal/ui/audit-log";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportButtons } from "@/components/export-buttons";
import { Pager, pageNumber, withQuery } from "@/components/pager";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminAudit");
  return { title: t("title") };
}

type Search = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an audited record lives: console pages here, portal pages at PORTAL_URL when it is configured. */
function recordHref(href: NonNullable<AuditRecordLink["href"]>): string | null {
  if (href.app === "admin") return href.path;
  const portal = process.env.PORTAL_URL?.replace(/\/+$/, "");
  return portal ? `${portal}${href.path}` : null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [params, api, t, tr, format] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("adminAudit"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const tl = await getTranslations("auditLog");
  const filters = {
    actorId: params.actor && UUID.test(params.actor) ? params.actor : undefined,
    action: params.action || undefined,
    entityType: params.entityType || undefined,
    entityId: params.entityId?.trim() || undefined,
    q: params.q?.trim().slice(0, 200) || undefined,
    from: params.from && ISO_DATE.test(params.from) ? params.from : undefined,
    to: params.to && ISO_DATE.test(params.to) ? params.to : undefined,
  };
  const page = pageNumber(params.page);
  const [result, options] = await Promise.all([
    orNotFound(() => api.audit.list({ filters, page, pageSize: 50 })),
    api.audit.filterOptions(),
  ]);
  const query = {
    actor: filters.actorId,
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    q: filters.q,
    from: filters.from,
    to: filters.to,
  };
  const filtered = Object.values(query).some(Boolean);
  const exportHref = withQuery("/api/exports/audit", query);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<ExportButtons href={exportHref} label={t("export")} testId="export-audit" />}
      />
      <form
        method="get"
        action="/audit"
        role="search"
        className="mb-4 grid items-end gap-3 md:grid-cols-3 lg:grid-cols-6"
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="actor">{t("actor")}</Label>
          <Select id="actor" name="actor" defaultValue={filters.actorId ?? ""}>
            <option value="">{t("anyone")}</option>
            {options.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || a.email}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="action">{t("action")}</Label>
          <Select id="action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {tl.has(`actions.${action}`) ? tl(`actions.${action}` as "actions.grant.create") : action}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="entityType">{t("entityType")}</Label>
          <Select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">{t("anyEntityType")}</option>
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="entityId">{t("entityId")}</Label>
          <Input id="entityId" name="entityId" defaultValue={filters.entityId ?? ""} spellCheck={false} />
        </div>
        <div className="flex flex-col gap-1.5 md:col-span-2">
          <Label htmlFor="q">{tl("search")}</Label>
          <Input id="q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="q-hint" />
          <p id="q-hint" className="text-xs text-muted-foreground">
            {tl("searchHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="from">{t("from")}</Label>
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="to">{t("to")}</Label>
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="flex gap-2 md:col-span-3 lg:col-span-6">
          <Button type="submit">{t("apply")}</Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/audit">{t("clear")}</Link>
            </Button>
          ) : null}
        </div>
      </form>
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
              {result.rows.map((event) => {
                const changes = event.changes;
                return (
                  <TableRow key={event.id} className="align-top" data-testid="audit-row">
                    <TableCell className="whitespace-nowrap align-top text-sm">
                      <time dateTime={event.at.toISOString()}>
                        {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "medium" })}
                      </time>
                    </TableCell>
                    <TableCell className="align-top">
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
                    <TableCell className="align-top">
                      <AuditAction action={event.action} />
                    </TableCell>
                    <TableCell className="align-top">
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
                    <TableCell className="max-w-xl align-top">
                      {changes.length === 0 ? (
                        <span className="text-sm text-muted-foreground">{t("noChanges")}</span>
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-sm">
                            {t("changedFields", { count: changes.length })}
                          </summary>
                          <table className="mt-2 w-full text-xs">
                            <thead>
                              <tr className="text-left text-muted-foreground">
                                <th scope="col" className="pr-2 font-semibold">
                                  {t("field")}
                                </th>
                                <th scope="col" className="pr-2 font-semibold">
                                  {t("before")}
                                </th>
                                <th scope="col" className="font-semibold">
                                  {t("after")}
                                </th>
                              </tr>
                            </thead>
                            <tbody>
                              {changes.map((change) => (
                                <tr key={change.field} className="border-t border-border align-top">
                                  <th scope="row" className="py-1 pr-2 text-left font-mono font-normal">
                                    {change.field || "—"}
                                  </th>
                                  <td className="break-all py-1 pr-2 text-red-800">
                                    <AuditValue value={change.before} emptyLabel={t("empty")} />
                                  </td>
                                  <td className="break-all py-1 text-emerald-800">
                                    <AuditValue value={change.after} emptyLabel={t("empty")} />
                                  </td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </details>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
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
