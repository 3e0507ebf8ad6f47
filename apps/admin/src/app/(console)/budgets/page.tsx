import { fiscalYearLabel } from "@portal/domain";
import { Button, EmptyState, Label, PageHeader, Select } from "@portal/ui";
import { useId } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { allocationHref, breakdownHref } from "@/budget-links";
import { BudgetBarChart } from "@/components/budget-chart-lazy";
import { ChartCard } from "@/components/budget-review/chart-card";
import { PartnerCard } from "@/components/budget-review/partner-card";
import { ProgrammeTable } from "@/components/budget-review/programme-table";
import { QuarterCard } from "@/components/budget-review/quarter-card";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("budgets");
  return { title: t("title") };
}

export default async function BudgetsPage({ searchParams }: { searchParams: Promise<{ fy?: string }> }) {
  const [params, api, t, ta, locale] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("budgets"),
    getTranslations("adminBudgets"),
    getLocale(),
  ]);
  const years = await api.budgets.fiscalYears();
  const requested = params.fy ?? (years[0] !== undefined ? fiscalYearLabel(years[0]) : undefined);
  if (requested === undefined) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState title={t("emptyTitle")} />
      </>
    );
  }
  const review = await orNotFound(() => api.budgetReview.review({ fiscalYear: requested }));
  const fiscalYear = review.fiscalYear;
  const label = fiscalYearLabel(fiscalYear);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          review.lines.length > 0 ? (
            <Button asChild variant="outline">
              <Link href={breakdownHref(fiscalYear)}>{ta("allBehind", { label })}</Link>
            </Button>
          ) : null
        }
      />
      <FiscalYearForm label={t("fiscalYear")} submit={t("show")} years={years} chosen={label} />
      {review.lines.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription", { label })} />
      ) : (
        <div className="flex flex-col gap-6">
          <ProgrammeTable review={review} />
          <ChartCard
            title={ta("programmeChartTitle")}
            caption={ta("programmeChartCaption", { label })}
            captionId="programme-chart-caption"
          >
            <BudgetBarChart
              testId="programme-chart"
              describedBy="programme-chart-caption"
              locale={locale}
              measures={["allocated", "committed", "disbursed"]}
              names={{ allocated: t("allocated"), committed: t("committed"), disbursed: t("disbursed") }}
              data={review.lines.map((line) => ({
                label: line.programme.code,
                href: allocationHref(line.allocationId),
                allocated: line.allocated,
                committed: line.committed,
                disbursed: line.disbursed,
              }))}
            />
          </ChartCard>
          <div className="grid gap-6 lg:grid-cols-2">
            <QuarterCard review={review} />
            <PartnerCard review={review} />
          </div>
        </div>
      )}
    </>
  );
}

/** The fiscal year picker above the review (a plain GET form, so the year lives in the address). */
function FiscalYearForm({
  label,
  submit,
  years,
  chosen,
}: {
  label: string;
  submit: string;
  years: readonly number[];
  chosen: string;
}) {
  const id = useId();
  return (
    <form method="get" className="mb-4 flex items-end gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>{label}</Label>
        <Select id={id} name="fy" defaultValue={chosen}>
          {years.map((year) => (
            <option key={year} value={fiscalYearLabel(year)}>
              {fiscalYearLabel(year)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit">{submit}</Button>
    </form>
  );
}
