import { fiscalYearLabel, type GrantSort, localized } from "@portal/domain";
import {
  Card,
  GrantStatusBadge,
  Money,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { GrantListView } from "./grant-list-view";
import type { GrantListParams } from "./search-params";
import { SortHeader } from "./sort-header";

/** One page of grants, sortable by its column headers; partners see no recipient column (it is always them). */
export function GrantsTable({
  rows,
  params,
  isPartner,
  caption,
}: {
  rows: GrantListView["rows"];
  params: GrantListParams;
  isPartner: boolean;
  caption: string;
}) {
  const t = useTranslations("grants");
  const locale = useLocale();
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const sortHeader = (column: GrantSort, label: string, numeric?: boolean) => (
    <SortHeader
      column={column}
      label={label}
      params={params}
      numeric={numeric}
      sortHint={t("sortBy", { column: label })}
    />
  );
  return (
    <Card>
      <Table className="relative" data-testid="grants-table">
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            {sortHeader("reference", t("reference"))}
            {isPartner ? null : sortHeader("recipient", t("recipient"))}
            <TableHead>{t("programme")}</TableHead>
            {sortHeader("fiscalYear", t("fiscalYear"))}
            {sortHeader("amount", t("amount"), true)}
            {sortHeader("disbursed", t("disbursed"), true)}
            {sortHeader("status", t("status"))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((grant) => (
            <TableRow key={grant.id} data-testid={`grant-row-${grant.reference}`}>
              <TableCell>
                <Link href={`/grants/${grant.id}`} className="font-medium link">
                  {grant.reference}
                </Link>
                <div className="text-xs text-muted-foreground">{localized(grant, "title", locale)}</div>
                <div className="mt-1">
                  <ProvenanceBadge provenance={grant.provenance} />
                </div>
              </TableCell>
              {isPartner ? null : (
                <TableCell>
                  <span className="font-medium">{grant.recipient.acronym ?? name(grant.recipient)}</span>
                  <div className="text-xs text-muted-foreground">{name(grant.recipient)}</div>
                </TableCell>
              )}
              <TableCell>{grant.programmes.map((p) => p.code).join(", ")}</TableCell>
              <TableCell className="whitespace-nowrap">{grant.fiscalYears.map(fiscalYearLabel).join(", ")}</TableCell>
              <TableCell numeric>
                <Money amount={grant.totalAmount} currency={grant.currency} locale={locale} />
              </TableCell>
              <TableCell numeric>
                <Money amount={grant.disbursed} currency={grant.currency} locale={locale} />
              </TableCell>
              <TableCell>
                <GrantStatusBadge status={grant.status} audience={isPartner ? "partner" : "staff"} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
