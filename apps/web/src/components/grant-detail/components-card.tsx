import { localized } from "@portal/domain";
import { Money, ProvenanceBadge, SectionCard, Table, TableBody, TableCell, TableFooter, TableRow } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import type { GrantView } from "./grant-view";
import { NoneYet } from "./none-yet";

/** What the grant pays for, part by part, with the parts' sum beneath. */
export function ComponentsCard({ grant }: { grant: GrantView }) {
  const t = useTranslations("grants");
  const locale = useLocale();
  return (
    <SectionCard title={t("components")} description={t("componentsDescription")}>
      {grant.components.length === 0 ? (
        <NoneYet />
      ) : (
        <Table data-testid="components-table">
          <TableBody>
            {grant.components.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <div className="font-medium">{localized(c, "title", locale)}</div>
                  {localized(c, "description", locale) ? (
                    <div className="text-xs text-muted-foreground">{localized(c, "description", locale)}</div>
                  ) : null}
                  <ProvenanceBadge provenance={c.provenance} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={c.amount} currency={grant.currency} locale={locale} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell>{t("amount")}</TableCell>
              <TableCell numeric>
                <Money amount={grant.componentsTotal} currency={grant.currency} locale={locale} />
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </SectionCard>
  );
}
