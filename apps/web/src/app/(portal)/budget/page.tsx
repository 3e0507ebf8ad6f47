import { localized } from "@portal/domain";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Money,
  PageHeader,
  PageSection,
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
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("officerScope");
  return { title: t("budgetTitle") };
}

interface YearRow {
  fiscalYear: number;
  label: string;
  allocated: number;
  committed: number;
  disbursed: number;
  available: number;
}

/** Budget, committed, disbursed and available per fiscal year for the officer's programmes: read-only. */
export default async function OfficerBudgetPage() {
  await requireCapability("grants.manage");
  const [api, t, locale] = await Promise.all([getApi(), getTranslations("officerScope"), getLocale()]);
  const { programmes } = await api.programmeBudgets.mine();
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;

  const yearTable = (
    caption: string,
    testId: string,
    years: readonly YearRow[],
    totals?: Omit<YearRow, "fiscalYear" | "label">,
  ) =>
    years.length === 0 ? (
      <p className="text-sm text-muted-foreground">{t("noYears")}</p>
    ) : (
      <Table data-testid={testId}>
        <TableCaption className="sr-only">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("year")}</TableHead>
            <TableHead numeric>{t("budget")}</TableHead>
            <TableHead numeric>{t("committed")}</TableHead>
            <TableHead numeric>{t("disbursed")}</TableHead>
            <TableHead numeric>{t("available")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {years.map((y) => (
            <TableRow key={y.fiscalYear} data-testid={`${testId}-${y.label}`}>
              <TableCell>{y.label}</TableCell>
              <TableCell numeric>{money(y.allocated)}</TableCell>
              <TableCell numeric>{money(y.committed)}</TableCell>
              <TableCell numeric>{money(y.disbursed)}</TableCell>
              <TableCell numeric>{money(y.available)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        {totals ? (
          <TableFooter>
            <TableRow>
              <TableCell>{t("total")}</TableCell>
              <TableCell numeric>{money(totals.allocated)}</TableCell>
              <TableCell numeric>{money(totals.committed)}</TableCell>
              <TableCell numeric>{money(totals.disbursed)}</TableCell>
              <TableCell numeric>{money(totals.available)}</TableCell>
            </TableRow>
          </TableFooter>
        ) : null}
      </Table>
    );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("budgetTitle")} description={t("budgetDescription")} />
      {programmes.length === 0 ? <EmptyState title={t("noProgrammes")} description={t("noProgrammesHint")} /> : null}
      {programmes.map((view) => {
        const name = localized(view.programme, "name", locale);
        return (
          <Card key={view.programme.id} data-testid={`programme-budget-${view.programme.code}`}>
            <CardHeader>
              <CardTitle>
                {view.programme.code} — {name}
              </CardTitle>
              {view.children.length > 0 ? <CardDescription>{t("fundNote")}</CardDescription> : null}
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              {yearTable(t("tableCaption", { name }), `budget-${view.programme.code}`, view.years, view.totals)}
              {view.children.map((child) => {
                const childName = localized(child, "name", locale);
                return (
                  <PageSection key={child.id} level={3} title={`${child.code} — ${childName}`}>
                    {yearTable(
                      t("tableCaption", { name: childName }),
                      `budget-${view.programme.code}-${child.code}`,
                      child.years,
                    )}
                  </PageSection>
                );
              })}
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
