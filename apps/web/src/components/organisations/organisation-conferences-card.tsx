import { formatPlace, localized } from "@portal/domain";
import {
  formatIsoDateRange,
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
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { OrganisationView } from "./organisation-view";

/** The conferences the organisation hosted or took part in. */
export function OrganisationConferencesCard({ org }: { org: OrganisationView }) {
  const t = useTranslations("organisations");
  const tc = useTranslations("conferences");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <SectionCard title={t("conferencesTitle")} testId="organisation-conferences">
      {org.conferences.length === 0 ? (
        <SectionEmpty>{t("conferencesNone")}</SectionEmpty>
      ) : (
        <Table data-testid="organisation-conferences-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("conference")}</TableHead>
              <TableHead>{t("dates")}</TableHead>
              <TableHead>{tc("place")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {org.conferences.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Link href={`/conferences/${c.id}`} className="font-medium link">
                    {localized(c, "title", locale)}
                  </Link>
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    {t(`role.${c.role}`)}
                    {c.participationProvenance ? <ProvenanceBadge provenance={c.participationProvenance} /> : null}
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap">{formatIsoDateRange(format, c.startsOn, c.endsOn)}</TableCell>
                <TableCell>{formatPlace({ city: c.city, countryCode: c.country.iso2 }, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
