import { formatMoney, localized } from "@portal/domain";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  intlLocale,
  Money,
  PageHeader,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { BudgetAdministrationForms } from "@/components/budget-administration-forms";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("budgetAdministration");
  return { title: t("title") };
}

export default async function BudgetAdministrationPage() {
  const [api, t, locale] = await Promise.all([getApi(), getTranslations("budgetAdministration"), getLocale()]);
  const overview = await api.budgetAdministration.overview();
  const funds = overview.programmes.filter((p) => p.depth === 0 && !p.holdsAllocations);
  const views = await Promise.all(funds.map((f) => api.budgetAdministration.programmeBudget({ programmeId: f.id })));
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  const name = (p: { nameEn: string; nameFr: string }) => localized(p, "name", locale);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {views.map((view) => (
        <Card key={view.programme.id} data-testid={`multi-year-${view.programme.code}`}>
          <CardHeader>
            <CardTitle>{t("multiYearTitle", { name: name(view.programme) })}</CardTitle>
            <CardDescription>
              {t("multiYearDescription")}{" "}
              {view.programme.envelopeAmount !== null ? (
                <span data-testid="fund-envelope">
                  {t("envelope", {
                    amount: formatMoney(view.programme.envelopeAmount, "CAD", intlLocale(locale)),
                    from: view.programme.startsOn ?? "—",
                    to: view.programme.endsOn ?? "—",
                    unallocated: formatMoney(view.envelopeUnallocated ?? 0, "CAD", intlLocale(locale)),
                  })}
                </span>
              ) : null}{" "}
              <ProvenanceBadge provenance={view.programme.provenance} />
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("year")}</TableHead>
                  <TableHead numeric>{t("allocated")}</TableHead>
                  <TableHead numeric>{t("committed")}</TableHead>
                  <TableHead numeric>{t("disbursed")}</TableHead>
                  <TableHead numeric>{t("available")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.years.map((y) => (
                  <TableRow key={y.fiscalYear} data-testid={`fund-year-${y.label}`}>
                    <TableCell>{y.label}</TableCell>
                    <TableCell numeric>{money(y.allocated)}</TableCell>
                    <TableCell numeric>{money(y.committed)}</TableCell>
                    <TableCell numeric>{money(y.disbursed)}</TableCell>
                    <TableCell numeric>{money(y.available)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>{t("total")}</TableCell>
                  <TableCell numeric>{money(view.totals.allocated)}</TableCell>
                  <TableCell numeric>{money(view.totals.committed)}</TableCell>
                  <TableCell numeric>{money(view.totals.disbursed)}</TableCell>
                  <TableCell numeric>{money(view.totals.available)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </CardContent>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle>{t("allocationsTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <BudgetAdministrationForms
            leaves={overview.programmes
              .filter((p) => p.holdsAllocations)
              .map((p) => ({ id: p.id, label: `${p.code} — ${name(p)}` }))}
            funds={overview.programmes
              .filter((p) => p.depth === 0)
              .map((p) => ({ id: p.id, label: `${p.code} — ${name(p)}` }))}
            fiscalYears={overview.fiscalYears}
            allocations={overview.allocations.map((a) => ({ id: a.id, label: a.label }))}
            nextFiscalYear={overview.nextFiscalYear}
          />
          <Table data-testid="allocations-table">
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
              {overview.allocations.map((a) => (
                <TableRow key={a.id} data-testid={`allocation-${a.label}`}>
                  <TableCell>
                    {a.label} <ProvenanceBadge provenance={a.provenance} />
                  </TableCell>
                  <TableCell numeric>{money(a.amount)}</TableCell>
                  <TableCell numeric>{money(a.committed)}</TableCell>
                  <TableCell numeric>{money(a.disbursed)}</TableCell>
                  <TableCell numeric>{money(a.available)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
