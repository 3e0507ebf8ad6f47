import { can, fiscalYearLabel, GRANT_STATUSES, type GrantStatus } from "@portal/domain";
import {
  Button,
  Card,
  EmptyState,
  Input,
  Label,
  Money,
  PageHeader,
  ProvenanceBadge,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("grants");
  return { title: t("title") };
}

type Search = { q?: string; fy?: string; status?: string; page?: string };

function pageHref(params: Search, page: number) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, page: String(page) })) if (value) query.set(key, value);
  return `/grants?${query.toString()}`;
}

export default async function GrantsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const [api, session, t, tc, tl, locale] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("grants"),
    getTranslations("common"),
    getTranslations("ledger"),
    getLocale(),
  ]);
  const isPartner = session?.user.role === "partner";
  const statusLabel = await getTranslations(isPartner ? "partnerGrantStatus" : "grantStatus");
  const status = (GRANT_STATUSES as readonly string[]).includes(params.status ?? "")
    ? (params.status as GrantStatus)
    : undefined;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const [result, fiscalYears] = await Promise.all([
    api.grants.list({ q: params.q || undefined, fiscalYear: params.fy || undefined, status, page, pageSize: 25 }),
    api.grants.fiscalYears(),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const filtered = Boolean(params.q || params.fy || status);
  const name = (o: { nameEn: string; nameFr: string }) => (locale === "fr" ? o.nameFr : o.nameEn);

  return (
    <>
      <PageHeader
        title={isPartner ? t("partnerTitle") : t("title")}
        description={isPartner ? t("partnerDescription") : t("description")}
        actions={
          session && can(session.user.role, "grants.manage") ? (
            <Button asChild>
              <Link href="/grants/new">{tl("newGrant")}</Link>
            </Button>
          ) : null
        }
      />
      <form method="get" action="/grants" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div className="flex min-w-64 flex-1 flex-col gap-1.5">
          <Label htmlFor="q">{t("search")}</Label>
          <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("searchPlaceholder")} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="fy">{t("fiscalYear")}</Label>
          <Select id="fy" name="fy" defaultValue={params.fy ?? ""}>
            <option value="">{t("allFiscalYears")}</option>
            {fiscalYears.map((year) => (
              <option key={year} value={fiscalYearLabel(year)}>
                {fiscalYearLabel(year)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="status">{t("status")}</Label>
          <Select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {GRANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{t("apply")}</Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/grants">{t("clear")}</Link>
          </Button>
        ) : null}
      </form>

      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState
          title={filtered || !isPartner ? t("emptyTitle") : t("partnerEmptyTitle")}
          description={filtered || !isPartner ? t("emptyDescription") : t("partnerEmptyDescription")}
        />
      ) : (
        <Card>
          <Table data-testid="grants-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("reference")}</TableHead>
                {isPartner ? null : <TableHead>{t("recipient")}</TableHead>}
                <TableHead>{t("programme")}</TableHead>
                <TableHead>{t("fiscalYear")}</TableHead>
                <TableHead numeric>{t("amount")}</TableHead>
                <TableHead numeric>{t("disbursed")}</TableHead>
                <TableHead>{t("status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((grant) => (
                <TableRow key={grant.id} data-testid={`grant-row-${grant.reference}`}>
                  <TableCell>
                    <Link href={`/grants/${grant.id}`} className="font-medium text-primary hover:underline">
                      {grant.reference}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {locale === "fr" ? grant.titleFr : grant.titleEn}
                    </div>
                    <div className="mt-1">
                      <ProvenanceBadge provenance={grant.provenance} />
                    </div>
                  </TableCell>
                  {isPartner ? null : (
                    <TableCell>
                      <span className="font-medium">{grant.recipient.acronym ?? name(grant.recipient)}</span>
                      <div className="text-xs text-muted-foreground">{name(grant.recipient)}</div>
                    </TableCell>
                  )}
                  <TableCell>{grant.programmes.map((p) => p.code).join(", ")}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {grant.fiscalYears.map(fiscalYearLabel).join(", ")}
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={grant.totalAmount} currency={grant.currency} locale={locale} />
                  </TableCell>
                  <TableCell numeric>
                    <Money amount={grant.disbursed} currency={grant.currency} locale={locale} />
                  </TableCell>
                  <TableCell>
                    <GrantStatusBadge status={grant.status} audience={isPartner ? "partner" : "staff"} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {pages > 1 ? (
        <nav aria-label={tc("pageOf", { page, pages })} className="mt-4 flex items-center justify-between text-sm">
          <span>{tc("pageOf", { page, pages })}</span>
          <div className="flex gap-2">
            {page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(params, page - 1)}>{tc("previous")}</Link>
              </Button>
            ) : null}
            {page < pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(params, page + 1)}>{tc("next")}</Link>
              </Button>
            ) : null}
          </div>
        </nav>
      ) : null}
    </>
  );
}
