import { IATI_ORGANISATION_TYPES, localized, pageWindow } from "@portal/domain";
import {
  Button,
  Card,
  EmptyState,
  PageHeader,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  RememberListState,
  ListFilters,
  FilterSelect,
} from "@portal/ui";
import { PageBeyondEnd } from "@portal/ui/page-beyond-end";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Pager, pageNumber, withQuery } from "@/components/pager";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminOrganisations");
  return { title: t("title") };
}

type Search = { q?: string; type?: string; page?: string };

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [params, api, t, locale] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("adminOrganisations"),
    getLocale(),
  ]);
  const type = params.type && params.type in IATI_ORGANISATION_TYPES ? Number(params.type) : undefined;
  const page = pageNumber(params.page);
  const [result, options] = await Promise.all([
    api.organisations.list({ q: params.q || undefined, iatiType: type, page, pageSize: 25 }),
    api.organisations.formOptions(),
  ]);
  const countryName = new Map(options.countries.map((c) => [c.code, localized(c, "name", locale)]));
  const typeLabel = (code: number) =>
    t(`iati.${IATI_ORGANISATION_TYPES[code as keyof typeof IATI_ORGANISATION_TYPES]}`);
  const filtered = Boolean(params.q || type);
  const { pages, beyondEnd } = pageWindow(result);
  return (
    <>
      <RememberListState />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/organisations/new">{t("new")}</Link>
          </Button>
        }
      />
      <ListFilters
        action="/organisations"
        query={params.q}
        filtered={filtered}
        labels={{
          search: t("search"),
          searchPlaceholder: t("searchPlaceholder"),
          apply: t("apply"),
          clear: t("clear"),
        }}
      >
        <FilterSelect
          name="type"
          label={t("iatiType")}
          value={type ? String(type) : undefined}
          allLabel={t("allTypes")}
          options={options.iatiTypes.map((option) => ({
            value: String(option.code),
            label: `${option.code} · ${t(`iati.${option.key}`)}`,
          }))}
        />
      </ListFilters>
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {beyondEnd ? (
        <PageBeyondEnd
          page={result.page}
          pages={pages}
          lastPageHref={withQuery("/organisations", { q: params.q, type, page: pages })}
        />
      ) : result.rows.length === 0 ? (
        <EmptyState
          title={t("emptyTitle")}
          description={filtered ? t("emptyFiltered") : undefined}
          action={
            <Button asChild variant="outline">
              <Link href="/organisations/new">{t("new")}</Link>
            </Button>
          }
        />
      ) : (
        <Card>
          <Table data-testid="organisations-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("iatiType")}</TableHead>
                <TableHead>{t("country")}</TableHead>
                <TableHead numeric>{t("members")}</TableHead>
                <TableHead numeric>{t("grants")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((org) => (
                <TableRow key={org.id} data-testid={`organisation-row-${org.slug}`}>
                  <TableCell>
                    <Link href={`/organisations/${org.id}`} className="font-medium link">
                      {localized(org, "legalName", locale)}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      {org.acronym ? <span>{org.acronym}</span> : null}
                      <ProvenanceBadge provenance={org.provenance} />
                    </div>
                  </TableCell>
                  <TableCell>
                    {org.iatiType} · {typeLabel(org.iatiType)}
                  </TableCell>
                  <TableCell>{org.countryCode ? (countryName.get(org.countryCode) ?? org.countryCode) : "—"}</TableCell>
                  <TableCell numeric>{org.members}</TableCell>
                  <TableCell numeric>{org.grants}</TableCell>
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
        hrefFor={(p) => withQuery("/organisations", { q: params.q, type, page: p })}
      />
    </>
  );
}
