import { fiscalYearLabel, GRANT_STATUSES, localized } from "@portal/domain";
import { Button, Input, Label, Select } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
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
  const fieldId = useFieldIds();
  const statusLabel = useTranslations(isPartner ? "partnerGrantStatus" : "grantStatus");
  const locale = useLocale();
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  return (
    <form
      method="get"
      action="/grants"
      className="mb-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-6"
      role="search"
      aria-label={t("filtersLabel")}
    >
      <div className="flex flex-col gap-1.5 sm:col-span-2">
        <Label htmlFor={fieldId("q")}>{t("search")}</Label>
        <Input
          id={fieldId("q")}
          name="q"
          type="search"
          defaultValue={params.q ?? ""}
          placeholder={t("searchPlaceholder")}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("programme")}>{t("programme")}</Label>
        <Select id={fieldId("programme")} name="programme" defaultValue={params.programme ?? ""}>
          <option value="">{t("allProgrammes")}</option>
          {options.programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} · {name(p)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("fy")}>{t("fiscalYear")}</Label>
        <Select id={fieldId("fy")} name="fy" defaultValue={params.fy ?? ""}>
          <option value="">{t("allFiscalYears")}</option>
          {options.fiscalYears.map((year) => (
            <option key={year} value={fiscalYearLabel(year)}>
              {fiscalYearLabel(year)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("status")}>{t("status")}</Label>
        <Select id={fieldId("status")} name="status" defaultValue={params.status ?? ""}>
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
            <Label htmlFor={fieldId("partner")}>{t("partner")}</Label>
            <Select id={fieldId("partner")} name="partner" defaultValue={params.partner ?? ""}>
              <option value="">{t("allPartners")}</option>
              {options.recipients.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.acronym ? `${o.acronym} · ${name(o)}` : name(o)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("country")}>{t("country")}</Label>
            <Select id={fieldId("country")} name="country" defaultValue={params.country ?? ""}>
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
        <Label htmlFor={fieldId("size")}>{t("pageSize")}</Label>
        <Select id={fieldId("size")} name="size" defaultValue={String(params.size ?? DEFAULT_PAGE_SIZE)}>
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
        {isFiltered(params) ? (
          <Button asChild variant="ghost">
            <Link href={`/grants${grantListSearch({ sort: params.sort, dir: params.dir, size: params.size })}`}>
              {t("clear")}
            </Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
