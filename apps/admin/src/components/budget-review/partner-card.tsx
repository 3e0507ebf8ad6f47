import { fiscalYearLabel, localized } from "@portal/domain";
import {
  EmptyState,
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
import Link from "next/link";
import { breakdownHref } from "@/budget-links";
import { BudgetBarChart } from "@/components/budget-chart-lazy";
import { DataTableDisclosure } from "@/components/data-table-disclosure";
import type { BudgetReviewView } from "./budget-review-view";
import { ChartCard } from "./chart-card";
import { FigureLink } from "./figure-link";

/** The year's money by partner (and direct costs, which go to no partner): a chart and the same as a table. */
export function PartnerCard({ review }: { review: BudgetReviewView }) {
  const t = useTranslations("budgets");
  const ta = useTranslations("adminBudgets");
  const tc = useTranslations("common");
  const locale = useLocale();
  const { fiscalYear, partnerTotals, directCosts } = review;
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  return (
    <ChartCard
      title={ta("partnerChartTitle")}
      caption={ta("partnerChartCaption", { label: fiscalYearLabel(fiscalYear) })}
      captionId="partner-chart-caption"
    >
      {review.byPartner.length === 0 ? (
        <EmptyState title={ta("noPartners")} />
      ) : (
        <BudgetBarChart
          testId="partner-chart"
          describedBy="partner-chart-caption"
          locale={locale}
          layout="vertical"
          height={Math.max(220, 48 * review.byPartner.length + 80)}
          measures={["committed", "disbursed"]}
          names={{ allocated: t("allocated"), committed: t("committed"), disbursed: t("disbursed") }}
          data={review.byPartner.map((p) => ({
            label: p.organisation.acronym ?? name(p.organisation),
            href: breakdownHref(fiscalYear, { partner: p.organisation.id }),
            committed: p.committed,
            disbursed: p.disbursed,
          }))}
        />
      )}
      <DataTableDisclosure summary={ta("showTable")}>
        <Table data-testid="partner-table">
          <TableCaption className="sr-only">{ta("partnerChartTitle")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{ta("partner")}</TableHead>
              <TableHead numeric>{t("committed")}</TableHead>
              <TableHead numeric>{t("disbursed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {review.byPartner.map((p) => {
              const href = breakdownHref(fiscalYear, { partner: p.organisation.id });
              const partner = p.organisation.acronym ?? name(p.organisation);
              return (
                <TableRow key={p.organisation.id} data-testid={`partner-row-${partner}`}>
                  <TableCell>
                    <Link href={href} className="font-medium link">
                      {partner}
                    </Link>
                    <div className="text-xs text-muted-foreground">{name(p.organisation)}</div>
                  </TableCell>
                  <TableCell numeric>
                    <FigureLink amount={p.committed} href={href} description={ta("committedOf", { name: partner })} />
                  </TableCell>
                  <TableCell numeric>
                    <FigureLink amount={p.disbursed} href={href} description={ta("disbursedOf", { name: partner })} />
                  </TableCell>
                </TableRow>
              );
            })}
            {directCosts > 0 ? (
              <TableRow data-testid="partner-row-direct-costs">
                <TableCell>
                  <Link href={`${breakdownHref(fiscalYear)}#direct-costs`} className="font-medium link">
                    {ta("directCostsRow")}
                  </Link>
                </TableCell>
                <TableCell numeric>{money(directCosts)}</TableCell>
                <TableCell numeric>{money(directCosts)}</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell>{tc("total")}</TableCell>
              <TableCell numeric>{money(partnerTotals.committed)}</TableCell>
              <TableCell numeric>{money(partnerTotals.disbursed)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </DataTableDisclosure>
    </ChartCard>
  );
}
