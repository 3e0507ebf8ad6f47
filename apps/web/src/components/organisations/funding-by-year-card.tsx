import { fiscalYearLabel } from "@portal/domain";
import {
  Money,
  SectionCard,
  SectionEmpty,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import type { OrganisationView } from "./organisation-view";

/** What the organisation was funded and paid per fiscal year (CAD), with the totals beneath. */
export function FundingByYearCard({ org }: { org: OrganisationView }) {
  const t = useTranslations("organisations");
  const locale = useLocale();
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  return (
    <SectionCard title={t("fundingTitle")} description={t("fundingDescription")} testId="funding-by-year">
      {org.fundingByFiscalYear.length === 0 ? (
        <SectionEmpty>{t("fundingNone")}</SectionEmpty>
      ) : (
        <Table data-testid="funding-by-year-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("fiscalYear")}</TableHead>
              <TableHead numeric>{t("funded")}</TableHead>
              <TableHead numeric>{t("disbursed")}</TableHead>
              <TableHead numeric>{t("grantCount")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {org.fundingByFiscalYear.map((year) => (
              <TableRow key={year.fiscalYear} data-testid={`funding-${fiscalYearLabel(year.fiscalYear)}`}>
                <TableCell>{fiscalYearLabel(year.fiscalYear)}</TableCell>
                <TableCell numeric>{money(year.amount)}</TableCell>
                <TableCell numeric>{money(year.disbursed)}</TableCell>
                <TableCell numeric>{year.grants}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell>{t("total")}</TableCell>
              <TableCell numeric>{money(org.fundingTotal.amount)}</TableCell>
              <TableCell numeric>{money(org.fundingTotal.disbursed)}</TableCell>
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </SectionCard>
  );
}
