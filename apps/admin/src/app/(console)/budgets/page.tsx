import { fiscalYearLabel } from "@portal/domain";
import {
  Button,
  Card,
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
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("budgets");
  return { title: t("title") };
}

export default async function BudgetsPage({ searchParams }: { searchParams: Promise<{ fy?: string }> }) {
  const [params, api, t, tc, locale] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("budgets"),
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
  const overview = await orNotFound(() => api.budgets.overview({ fiscalYear: requested }));
  const label = fiscalYearLabel(overview.fiscalYear);
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
      {overview.lines.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription", { label })} />
      ) : (
        <Card>
          <Table data-testid="budget-table">
            <TableCaption className="px-3 pb-3">{t("fyLabel", { label })}</TableCaption>
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
              {overview.lines.map((line) => (
                <TableRow key={line.allocationId} data-testid={`budget-row-${line.programme.code}`}>
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">
                        {locale === "fr" ? line.programme.nameFr : line.programme.nameEn}
                      </span>
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
                    {money(line.committed)}
                  </TableCell>
                  <TableCell numeric data-testid="disbursed">
                    {money(line.disbursed)}
                  </TableCell>
                  <TableCell numeric data-testid="available">
                    {money(line.available)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow data-testid="budget-totals">
                <TableCell>{tc("total")}</TableCell>
                <TableCell numeric>{money(overview.totals.allocated)}</TableCell>
                <TableCell numeric>{money(overview.totals.committed)}</TableCell>
                <TableCell numeric>{money(overview.totals.disbursed)}</TableCell>
                <TableCell numeric>{money(overview.totals.available)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </Card>
      )}
    </>
  );
}
