import { pageWindow } from "@portal/domain";
import { Button, EmptyState, PageHeader, RememberListState } from "@portal/ui";
import { PageBeyondEnd } from "@portal/ui/page-beyond-end";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportDownload } from "@/components/exports/export-download";
import { GrantFilters } from "@/components/grant-list/grant-filters";
import { GrantsTable } from "@/components/grant-list/grants-table";
import { Pagination } from "@/components/grant-list/pagination";
import {
  grantListHref,
  grantListQuery,
  grantListSearch,
  isFiltered,
  parseGrantListParams,
  type RawSearchParams,
} from "@/components/grant-list/search-params";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("grants");
  return { title: t("title") };
}

export default async function GrantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseGrantListParams(await searchParams);
  const [api, session, t, tc, tl] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("grants"),
    getTranslations("common"),
    getTranslations("ledger"),
  ]);
  const isPartner = session?.user.role === "partner";
  const [result, options] = await Promise.all([
    api.grants.list(grantListQuery(params)),
    api.dashboard.grantListOptions(),
  ]);
  const { page, pages, first, last, beyondEnd } = pageWindow(result);
  const filtered = isFiltered(params);
  // Partners with no grants at all are told what grants will appear here; anyone else that nothing matched.
  const empty = filtered || !isPartner ? "empty" : "partnerEmpty";

  return (
    <>
      <RememberListState />
      <PageHeader
        title={isPartner ? t("partnerTitle") : t("title")}
        description={isPartner ? t("partnerDescription") : t("description")}
        actions={
          result.permissions.create ? (
            <Button asChild>
              <Link href="/grants/new">{tl("newGrant")}</Link>
            </Button>
          ) : null
        }
      />
      <GrantFilters params={params} options={options} isPartner={isPartner} />

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
          title={t(`${empty}Title`)}
          description={t(`${empty}Description`)}
          action={
            filtered ? (
              <Button asChild variant="outline">
                <Link href="/grants">{t("clear")}</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <GrantsTable
          rows={result.rows}
          params={params}
          isPartner={isPartner}
          caption={t("tableCaption", { page, pages })}
        />
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
