import { fiscalYearLabel, GRANT_STATUSES, localized } from "@portal/domain";
import { FilterSelect, ListFilters } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import type { GrantListOptions } from "./grant-list-view";
import { DEFAULT_PAGE_SIZE, type GrantListParams, grantListSearch, isFiltered, PAGE_SIZES } from "./search-params";

/** The grant list's search form; partners filter only their own grants, so recipient and country are not offered. */
export function GrantFilters({
  params,
  options,
  isPartner,
}: {
  params: GrantListParams;
  options: GrantListOptions;
  isPartner: boolean;
}) {
  const t = useTranslations("grants");
  const statusLabel = useTranslations(isPartner ? "partnerGrantStatus" : "grantStatus");
  const locale = useLocale();
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  return (
    <ListFilters
      action="/grants"
      query={params.q}
      filtered={isFiltered(params)}
      // Clearing the filters keeps the list's sort and page size.
      clearHref={`/grants${grantListSearch({ sort: params.sort, dir: params.dir, size: params.size })}`}
      labels={{
        form: t("filtersLabel"),
        search: t("search"),
        searchPlaceholder: t("searchPlaceholder"),
        apply: t("apply"),
        clear: t("clear"),
      }}
    >
      <FilterSelect
        name="programme"
        label={t("programme")}
        value={params.programme}
        allLabel={t("allProgrammes")}
        options={options.programmes.map((p) => ({ value: p.id, label: `${p.code} · ${name(p)}` }))}
      />
      <FilterSelect
        name="fy"
        label={t("fiscalYear")}
        value={params.fy}
        allLabel={t("allFiscalYears")}
        options={options.fiscalYears.map((year) => ({ value: fiscalYearLabel(year), label: fiscalYearLabel(year) }))}
      />
      <FilterSelect
        name="status"
        label={t("status")}
        value={params.status}
        allLabel={t("allStatuses")}
        options={GRANT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      {isPartner ? null : (
        <>
          <FilterSelect
            name="partner"
            label={t("partner")}
            value={params.partner}
            allLabel={t("allPartners")}
            options={options.recipients.map((o) => ({
              value: o.id,
              label: o.acronym ? `${o.acronym} · ${name(o)}` : name(o),
            }))}
          />
          <FilterSelect
            name="country"
            label={t("country")}
            value={params.country}
            allLabel={t("allCountries")}
            options={options.countries.map((c) => ({ value: c.code, label: name(c) }))}
          />
        </>
      )}
      <FilterSelect
        name="size"
        label={t("pageSize")}
        value={String(params.size ?? DEFAULT_PAGE_SIZE)}
        options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
      />
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
    </ListFilters>
  );
}
