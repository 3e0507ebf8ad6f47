import { fiscalYearLabel, formatFiscalQuarter } from "@portal/domain";
import {
  Money,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { breakdownHref, periodOf } from "@/budget-links";
import { BudgetBarChart } from "@/components/budget-chart-lazy";
import { DataTableDisclosure } from "@/components/data-table-disclosure";
import type { BudgetReviewView } from "./budget-review-view";
import { ChartCard } from "./chart-card";
import { FigureLink } from "./figure-link";

/** The year's money paid, quarter by quarter: a chart, and the same figures as a table for those who want one. */
export function QuarterCard({ review }: { review: BudgetReviewView }) {
  const t = useTranslations("budgets");
  const ta = useTranslations("adminBudgets");
  const tc = useTranslations("common");
  const locale = useLocale();
  const { fiscalYear, quarterTotals } = review;
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  return (
    <ChartCard
      title={ta("quarterChartTitle")}
      caption={ta("quarterChartCaption", { label: fiscalYearLabel(fiscalYear) })}
      captionId="quarter-chart-caption"
    >
      <BudgetBarChart
        testId="quarter-chart"
        describedBy="quarter-chart-caption"
        locale={locale}
        measures={["disbursed"]}
        names={{ allocated: t("allocated"), committed: t("committed"), disbursed: t("disbursed") }}
        data={review.byQuarter.map((q) => ({
          label: ta("quarterShort", { quarter: q.quarter, label: fiscalYearLabel(q.fiscalYear) }),
          href: breakdownHref(fiscalYear, { quarter: periodOf(q.fiscalYear, q.quarter) }),
          disbursed: q.total,
        }))}
      />
      <DataTableDisclosure summary={ta("showTable")}>
        <Table data-testid="quarter-table">
          <TableCaption className="sr-only">{ta("quarterChartTitle")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{ta("quarter")}</TableHead>
              <TableHead numeric>{ta("toGrants")}</TableHead>
              <TableHead numeric>{ta("directCosts")}</TableHead>
              <TableHead numeric>{t("disbursed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {review.byQuarter.map((q) => {
              const quarter = formatFiscalQuarter(q.fiscalYear, q.quarter, locale);
              return (
                <TableRow key={q.period} data-testid={`quarter-row-${q.period}`}>
                  <TableCell>{quarter}</TableCell>
                  <TableCell numeric>{money(q.grants)}</TableCell>
                  <TableCell numeric>{money(q.directCosts)}</TableCell>
                  <TableCell numeric>
                    <FigureLink
                      amount={q.total}
                      href={breakdownHref(fiscalYear, { quarter: q.period })}
                      description={ta("disbursedOf", { name: quarter })}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell>{tc("total")}</TableCell>
              <TableCell numeric>{money(quarterTotals.grants)}</TableCell>
              <TableCell numeric>{money(quarterTotals.directCosts)}</TableCell>
              <TableCell numeric>{money(quarterTotals.total)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </DataTableDisclosure>
    </ChartCard>
  );
}
