import { localized } from "@portal/domain";
import {
  GrantStatusBadge,
  Money,
  ProvenanceBadge,
  SectionCard,
  SectionEmpty,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { OrganisationView } from "./organisation-view";

/** The organisation's grants that the reader may see, newest first. */
export function OrganisationGrantsCard({ org, isPartner }: { org: OrganisationView; isPartner: boolean }) {
  const t = useTranslations("organisations");
  const locale = useLocale();
  return (
    <SectionCard title={t("grantsTitle")} testId="grants">
      {org.grants.length === 0 ? (
        <SectionEmpty>{t("grantsNone")}</SectionEmpty>
      ) : (
        <Table data-testid="organisation-grants-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("reference")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead numeric>{t("amount")}</TableHead>
              <TableHead numeric>{t("disbursed")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {org.grants.map((g) => (
              <TableRow key={g.id}>
                <TableCell>
                  <Link href={`/grants/${g.id}`} className="font-medium link">
                    {g.reference}
                  </Link>
                  <div className="text-xs text-muted-foreground">{localized(g, "title", locale)}</div>
                  <ProvenanceBadge provenance={g.provenance} />
                </TableCell>
                <TableCell>
                  <GrantStatusBadge status={g.status} audience={isPartner ? "partner" : "staff"} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={g.totalAmount} currency={g.currency} locale={locale} />
                </TableCell>
                <TableCell numeric>
                  <Money amount={g.disbursed} currency={g.currency} locale={locale} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
