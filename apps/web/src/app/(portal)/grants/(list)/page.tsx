import { can, fiscalYearLabel, GRANT_STATUSES, type GrantSort, localized, pageWindow } from "@portal/domain";
import {
  Button,
  Card,
  EmptyState,
  Input,
  Label,
  Money,
  PageHeader,
  ProvenanceBadge,
  RememberListState,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { PageBeyondEnd } from "@portal/ui/page-beyond-end";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportDownload } from "@/components/exports/export-download";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { Pagination } from "@/components/grant-list/pagination";
import {
  DEFAULT_PAGE_SIZE,
  grantListHref,
  grantListQuery,
  grantListSearch,
  isFiltered,
  PAGE_SIZES,
  parseGrantListParams,
  type RawSearchParams,
} from "@/components/grant-list/search-params";
import { SortHeader } from "@/components/grant-list/sort-header";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("grants");
  return { title: t("title") };
}

export default async function GrantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseGrantListParams(await searchParams);
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
  const query = grantListQuery(params);
  const [result, options] = await Promise.all([api.grants.list(query), api.dashboard.grantListOptions()]);
  const { page, pages, first, last, beyondEnd } = pageWindow(result);
  const filtered = isFiltered(params);
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const sortHeader = (column: GrantSort, label: string, numeric?: boolean) => (
    <SortHeader
      column={column}
      label={label}
      params={params}
      numeric={numeric}
      sortHint={t("sortBy", { column: label })}
    />
  );

  return (
    <>
      <RememberListState />
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
      <form
        method="get"
        action="/grants"
        className="mb-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6"
        role="search"
        aria-label={t("filtersLabel")}
      >
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor="q">{t("search")}</Label>
          <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("searchPlaceholder")} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="programme">{t("programme")}</Label>
          <Select id="programme" name="programme" defaultValue={params.programme ?? ""}>
            <option value="">{t("allProgrammes")}</option>
            {options.programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {name(p)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="fy">{t("fiscalYear")}</Label>
          <Select id="fy" name="fy" defaultValue={params.fy ?? ""}>
            <option value="">{t("allFiscalYears")}</option>
            {options.fiscalYears.map((year) => (
              <option key={year} value={fiscalYearLabel(year)}>
                {fiscalYearLabel(year)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="status">{t("status")}</Label>
          <Select id="status" name="status" defaultValue={params.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {GRANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </Select>
        </div>
        {isPartner ? null : (
          <>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="partner">{t("partner")}</Label>
              <Select id="partner" name="partner" defaultValue={params.partner ?? ""}>
                <option value="">{t("allPartners")}</option>
                {options.recipients.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.acronym ? `${o.acronym} · ${name(o)}` : name(o)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="country">{t("country")}</Label>
              <Select id="country" name="country" defaultValue={params.country ?? ""}>
                <option value="">{t("allCountries")}</option>
                {options.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {name(c)}
                  </option>
                ))}
              </Select>
            </div>
          </>
        )}
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="size">{t("pageSize")}</Label>
          <Select id="size" name="size" defaultValue={String(params.size ?? DEFAULT_PAGE_SIZE)}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </div>
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <div className="flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href={`/grants${grantListSearch({ sort: params.sort, dir: params.dir, size: params.size })}`}>
                {t("clear")}
              </Link>
            </Button>
          ) : null}
        </div>
      </form>

      <div className="mb-2 flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="grants-count">
          {first === 0 ? t("count", { count: result.total }) : t("showing", { first, last, count: result.total })}
        </p>
        {result.total > 0 ? (
          <ExportDownload
            href={`/api/exports/grants${grantListSearch(params, { page: undefined, size: undefined })}`}
          />
        ) : null}
      </div>
      {beyondEnd ? (
        <PageBeyondEnd page={page} pages={pages} lastPageHref={grantListHref(params, { page: pages })} />
      ) : result.rows.length === 0 ? (
        <EmptyState
          title={filtered || !isPartner ? t("emptyTitle") : t("partnerEmptyTitle")}
          description={filtered || !isPartner ? t("emptyDescription") : t("partnerEmptyDescription")}
          action={
            filtered ? (
              <Button asChild variant="outline">
                <Link href="/grants">{t("clear")}</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <Card>
          <Table className="relative" data-testid="grants-table">
            <caption className="sr-only">{t("tableCaption", { page, pages })}</caption>
            <TableHeader>
              <TableRow>
                {sortHeader("reference", t("reference"))}
                {isPartner ? null : sortHeader("recipient", t("recipient"))}
                <TableHead>{t("programme")}</TableHead>
                {sortHeader("fiscalYear", t("fiscalYear"))}
                {sortHeader("amount", t("amount"), true)}
                {sortHeader("disbursed", t("disbursed"), true)}
                {sortHeader("status", t("status"))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((grant) => (
                <TableRow key={grant.id} data-testid={`grant-row-${grant.reference}`}>
                  <TableCell>
                    <Link href={`/grants/${grant.id}`} className="font-medium link">
                      {grant.reference}
                    </Link>
                    <div className="text-xs text-muted-foreground">{localized(grant, "title", locale)}</div>
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
      <Pagination
        params={params}
        beyondEnd={beyondEnd}
        page={page}
        pages={pages}
        labels={{
          nav: tc("pageOf", { page, pages }),
          previous: tc("previous"),
          next: tc("next"),
          page: (n) => t("goToPage", { page: n }),
        }}
      />
    </>
  );
}
