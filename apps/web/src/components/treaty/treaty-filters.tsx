import { TREATY_STANDINGS, type TreatyStanding } from "@portal/domain";
import { Button, Input, Label, Select } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useTranslations } from "next-intl";
import Link from "next/link";

/** The treaty tracker's filters as a plain GET form: the date the standings are read on, a standing, a search. */
export function TreatyFilters({
  on,
  standing,
  query,
  filtered,
}: {
  on: string;
  standing: TreatyStanding | undefined;
  query: string | undefined;
  filtered: boolean;
}) {
  const t = useTranslations("treaty");
  const fieldId = useFieldIds();
  return (
    <form method="get" action="/treaty" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("on")}>{t("statusOn")}</Label>
        <Input id={fieldId("on")} name="on" type="date" defaultValue={on} wide={false} className="w-44" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("standing")}>{t("standingFilter")}</Label>
        <Select id={fieldId("standing")} name="standing" defaultValue={standing ?? ""}>
          <option value="">{t("allStandings")}</option>
          {TREATY_STANDINGS.map((s) => (
            <option key={s} value={s}>
              {t(`standing.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-56 flex-1 flex-col gap-1.5">
        <Label htmlFor={fieldId("q")}>{t("search")}</Label>
        <Input
          id={fieldId("q")}
          name="q"
          type="search"
          defaultValue={query ?? ""}
          placeholder={t("searchPlaceholder")}
        />
      </div>
      <Button type="submit">{t("apply")}</Button>
      {filtered ? (
        <Button asChild variant="ghost">
          <Link href="/treaty">{t("clear")}</Link>
        </Button>
      ) : null}
    </form>
  );
}
