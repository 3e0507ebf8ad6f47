import { fiscalYearLabel, formatFiscalQuarter, localized } from "@portal/domain";
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Label,
  Money,
  PageHeader,
  ProvenanceBadge,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { allocationHref, breakdownHref, periodOf } from "@/budget-links";
import { BudgetBarChart } from "@/components/budget-chart-lazy";
import { DataTableDisclosure } from "@/components/data-table-disclosure";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("budgets");
  return { title: t("title") };
}

export default async function BudgetsPage({ searchParams }: { searchParams: Promise<{ fy?: string }> }) {
  const [params, api, t, ta, tc, locale] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("budgets"),
    getTranslations("adminBudgets"),
    getTranslations("common"),
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
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  /**
   * A figure that opens the grants and disbursements behind it. What it opens is added for screen readers after the
   * amount, so the link's name starts with what is seen (WCAG 2.5.3: a voice user says the amount to follow it).
   */
  const figure = (amount: number, href: string, description: string): ReactNode => (
    <Link href={href} className="link">
      {money(amount)}
      <span className="sr-only">, {description}</span>
    </Link>
  );
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const quarterLabel = (year: number, quarter: number) => formatFiscalQuarter(year, quarter, locale);
  const measureNames = { allocated: t("allocated"), committed: t("committed"), disbursed: t("disbursed") };
  const quarterTotal = review.byQuarter.reduce((sum, q) => sum + q.total, 0);
  const partnerTotals = review.byPartner.reduce(
    (sum, p) => ({ committed: sum.committed + p.committed, disbursed: sum.disbursed + p.disbursed }),
    { committed: 0, disbursed: 0 },
  );

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
      <form method="get" className="mb-4 flex items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="fy">{t("fiscalYear")}</Label>
          <Select id="fy" name="fy" defaultValue={label}>
            {years.map((year) => (
              <option key={year} value={fiscalYearLabel(year)}>
                {fiscalYearLabel(year)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{t("show")}</Button>
      </form>
      {review.lines.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription", { label })} />
      ) : (
        <div className="flex flex-col gap-6">
          <Card>
            <Table data-testid="budget-table">
              <TableCaption className="px-3 pb-3">
                {t("fyLabel", { label })} · {ta("figuresOpen")}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("programme")}</TableHead>
                  <TableHead numeric>{t("allocated")}</TableHead>
                  <TableHead numeric>{t("committed")}</TableHead>
                  <TableHead numeric>{t("disbursed")}</TableHead>
                  <TableHead numeric>{t("available")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {review.lines.map((line) => {
                  const href = allocationHref(line.allocationId);
                  const programme = `${line.programme.code} ${label}`;
                  return (
                    <TableRow key={line.allocationId} data-testid={`budget-row-${line.programme.code}`}>
                      <TableCell>
                        <div className="flex flex-wrap items-center gap-2">
                          <Link href={href} className="font-medium link">
                            {name(line.programme)}
                          </Link>
                          <span className="text-xs text-muted-foreground">{line.programme.code}</span>
                          <ProvenanceBadge provenance={line.provenance} />
                        </div>
                        {line.programme.parentCode ? (
                          <div className="text-xs text-muted-foreground">
                            {t("partOf", { parent: line.programme.parentCode })}
                          </div>
                        ) : null}
                      </TableCell>
                      <TableCell numeric data-testid="allocated">
                        {money(line.allocated)}
                      </TableCell>
                      <TableCell numeric data-testid="committed">
                        {figure(line.committed, href, ta("committedOf", { name: programme }))}
                      </TableCell>
                      <TableCell numeric data-testid="disbursed">
                        {figure(line.disbursed, href, ta("disbursedOf", { name: programme }))}
                      </TableCell>
                      <TableCell numeric data-testid="available">
                        {money(line.available)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow data-testid="budget-totals">
                  <TableCell>{tc("total")}</TableCell>
                  <TableCell numeric>{money(review.totals.allocated)}</TableCell>
                  <TableCell numeric>{money(review.totals.committed)}</TableCell>
                  <TableCell numeric>{money(review.totals.disbursed)}</TableCell>
                  <TableCell numeric>{money(review.totals.available)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{ta("programmeChartTitle")}</CardTitle>
              <CardDescription id="programme-chart-caption">{ta("programmeChartCaption", { label })}</CardDescription>
            </CardHeader>
            <CardContent>
              <BudgetBarChart
                testId="programme-chart"
                describedBy="programme-chart-caption"
                locale={locale}
                measures={["allocated", "committed", "disbursed"]}
                names={measureNames}
                data={review.lines.map((line) => ({
                  label: line.programme.code,
                  href: allocationHref(line.allocationId),
                  allocated: line.allocated,
                  committed: line.committed,
                  disbursed: line.disbursed,
                }))}
              />
            </CardContent>
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>{ta("quarterChartTitle")}</CardTitle>
                <CardDescription id="quarter-chart-caption">{ta("quarterChartCaption", { label })}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <BudgetBarChart
                  testId="quarter-chart"
                  describedBy="quarter-chart-caption"
                  locale={locale}
                  measures={["disbursed"]}
                  names={measureNames}
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
                        const quarter = quarterLabel(q.fiscalYear, q.quarter);
                        return (
                          <TableRow key={q.period} data-testid={`quarter-row-${q.period}`}>
                            <TableCell>{quarter}</TableCell>
                            <TableCell numeric>{money(q.grants)}</TableCell>
                            <TableCell numeric>{money(q.directCosts)}</TableCell>
                            <TableCell numeric>
                              {figure(
                                q.total,
                                breakdownHref(fiscalYear, { quarter: q.period }),
                                ta("disbursedOf", { name: quarter }),
                              )}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                    <TableFooter>
                      <TableRow>
                        <TableCell>{tc("total")}</TableCell>
                        <TableCell numeric>{money(quarterTotal - review.directCosts)}</TableCell>
                        <TableCell numeric>{money(review.directCosts)}</TableCell>
                        <TableCell numeric>{money(quarterTotal)}</TableCell>
                      </TableRow>
                    </TableFooter>
                  </Table>
                </DataTableDisclosure>
              </CardContent>
            </Card>

            <Card>
              <CardHeader>
                <CardTitle>{ta("partnerChartTitle")}</CardTitle>
                <CardDescription id="partner-chart-caption">{ta("partnerChartCaption", { label })}</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
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
                    names={measureNames}
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
                              {figure(p.committed, href, ta("committedOf", { name: partner }))}
                            </TableCell>
                            <TableCell numeric>
                              {figure(p.disbursed, href, ta("disbursedOf", { name: partner }))}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                      {review.directCosts > 0 ? (
                        <TableRow data-testid="partner-row-direct-costs">
                          <TableCell>
                            <Link href={`${breakdownHref(fiscalYear)}#direct-costs`} className="font-medium link">
                              {ta("directCostsRow")}
                            </Link>
                          </TableCell>
                          <TableCell numeric>{money(review.directCosts)}</TableCell>
                          <TableCell numeric>{money(review.directCosts)}</TableCell>
                        </TableRow>
                      ) : null}
                    </TableBody>
                    <TableFooter>
                      <TableRow>
                        <TableCell>{tc("total")}</TableCell>
                        <TableCell numeric>{money(partnerTotals.committed + review.directCosts)}</TableCell>
                        <TableCell numeric>{money(partnerTotals.disbursed + review.directCosts)}</TableCell>
                      </TableRow>
                    </TableFooter>
                  </Table>
                </DataTableDisclosure>
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
