import { Button, Card, CardContent, Input, Label } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useTranslations } from "next-intl";

type PeriodLabel = "fiscalYear" | "reportDate" | "monitorFrom" | "monitorTo";

/** The report's periods as a plain GET form (the address holds them); hidden on paper. */
export function ReportPeriodsForm({
  periods,
}: {
  /** Each field: its query name, its label, its input type and its current value. */
  periods: readonly (readonly [name: string, label: PeriodLabel, type: "number" | "date", value: string])[];
}) {
  const t = useTranslations("annualReport");
  const fieldId = useFieldIds();
  return (
    <Card data-print="hide">
      <CardContent className="pt-6">
        <form method="get" className="flex flex-wrap items-end gap-4" aria-label={t("periodsTitle")}>
          {periods.map(([name, label, type, value]) => (
            <div key={name} className="flex flex-col gap-1">
              <Label htmlFor={fieldId(name)}>{t(label)}</Label>
              <Input id={fieldId(name)} name={name} type={type} defaultValue={value} />
            </div>
          ))}
          <Button type="submit" variant="outline">
            {t("apply")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
