import { fiscalYearLabel, localized } from "@portal/domain";
import { Money, SectionCard, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import type { GrantView } from "./grant-view";
import { NoneYet } from "./none-yet";

/** The allocations the grant draws on (CAD, as the allocations count them). */
export function FundingLinesCard({ grant }: { grant: GrantView }) {
  const t = useTranslations("grants");
  const locale = useLocale();
  return (
    <SectionCard title={t("fundingLines")} description={t("fundingLinesDescription")}>
      {grant.fundingLines.length === 0 ? (
        <NoneYet />
      ) : (
        <Table data-testid="funding-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("programme")}</TableHead>
              <TableHead>{t("fiscalYear")}</TableHead>
              <TableHead numeric>{t("amount")}</TableHead>
              <TableHead numeric>{t("disbursed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {grant.fundingLines.map((line) => (
              <TableRow key={line.id}>
                <TableCell>
                  <span className="font-medium">{line.programme.code}</span>
                  <div className="text-xs text-muted-foreground">{localized(line.programme, "name", locale)}</div>
                </TableCell>
                <TableCell>{fiscalYearLabel(line.fiscalYear)}</TableCell>
                <TableCell numeric>
                  <Money amount={line.amount} currency="CAD" locale={locale} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={line.disbursed} currency="CAD" locale={locale} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
