import { allocations, type Database, fundingLines, grants, organisations, programmes } from "@portal/db";
import { fiscalYearLabel, type GrantStatus, listGrantsInput, type ListGrantsInput } from "@portal/domain";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import {
  countGrantListRows,
  type GrantListKey,
  type GrantListRow,
  grantListOrder,
  grantListWhere,
  selectGrantListBatch,
} from "../grants/list-grants";
import { todayInOttawa } from "../today";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "./export-format";
import { dateCell, moneyCell, textCell, wordsCell } from "./csv-sql";
import { inKeysetBatches } from "./keyset";
import { openSnapshot } from "./snapshot-cursor";
import { parseInput } from "../../parse-input";

export const GRANT_EXPORT_COLUMNS = [
  "reference",
  "title",
  "recipient",
  "recipientAcronym",
  "country",
  "programmes",
  "fiscalYears",
  "startsOn",
  "endsOn",
  "status",
  "currency",
  "amount",
  "disbursed",
  "remaining",
] as const;
export type GrantExportColumn = (typeof GRANT_EXPORT_COLUMNS)[number];

/** The words of an export, in the reader's language (the app passes them from its catalogues). */
export interface GrantExportText {
  locale: "en" | "fr";
  fileBase: string;
  sheetName: string;
  headers: Record<GrantExportColumn, string>;
  status: (status: GrantStatus) => string;
}

/**
 * The grant list as its page shows it (same scope, filters and sort, every page) as an export table. Partners'
 * exports go through the same visibleGrants condition as their list.
 */
export async function grantListExport(
  db: Database,
  actor: Actor,
  query: ListGrantsInput,
  text: GrantExportText,
  format: ExportFormat,
): Promise<ExportTable<GrantListRow>> {
  const input = parseInput(listGrantsInput, { ...query, page: 1, pageSize: 25 });
  const where = grantListWhere(actor, input);
  const fr = text.locale === "fr";
  const rowCount = await countGrantListRows(db, where);
  const h = text.headers;
  const columns: ExportColumn<GrantListRow>[] = [
    { key: "reference", header: h.reference, width: 20, value: (g) => g.reference },
    { key: "title", header: h.title, width: 48, value: (g) => (fr ? g.titleFr : g.titleEn) },
    { key: "recipient", header: h.recipient, width: 40, value: (g) => (fr ? g.recipient.nameFr : g.recipient.nameEn) },
    { key: "recipientAcronym", header: h.recipientAcronym, width: 12, value: (g) => g.recipient.acronym },
    { key: "country", header: h.country, width: 8, value: (g) => g.recipient.countryCode },
    { key: "programmes", header: h.programmes, width: 14, value: (g) => g.programmes.map((p) => p.code).join(", ") },
    {
      key: "fiscalYears",
      header: h.fiscalYears,
      width: 14,
      value: (g) => g.fiscalYears.map(fiscalYearLabel).join(", "),
    },
    { key: "startsOn", header: h.startsOn, kind: "date", width: 12, value: (g) => g.startsOn },
    { key: "endsOn", header: h.endsOn, kind: "date", width: 12, value: (g) => g.endsOn },
    { key: "status", header: h.status, width: 14, value: (g) => text.status(g.status) },
    { key: "currency", header: h.currency, width: 9, value: (g) => g.currency },
    { key: "amount", header: h.amount, kind: "money", value: (g) => g.totalAmount, currency: (g) => g.currency },
    { key: "disbursed", header: h.disbursed, kind: "money", value: (g) => g.disbursed, currency: (g) => g.currency },
    {
      key: "remaining",
      header: h.remaining,
      kind: "money",
      value: (g) => g.totalAmount - g.disbursed,
      currency: (g) => g.currency,
    },
  ];

  // The same rows as CSV cells, written by PostgreSQL (csvRows): the columns above, in order, as csvCell writes them.
  // Programmes (by code) and fiscal years come from one pass over the funding lines grouped by grant, joined once:
  // a correlated aggregate per row cost ~0.06 ms a grant. Year labels sort as text as they do as numbers (4 digits).
  const yearLabel = sql`${allocations.fiscalYear} || '-' || (${allocations.fiscalYear} + 1)`;
  const funding = db
    .select({
      grantId: fundingLines.grantId,
      programmes: sql<string>`string_agg(distinct ${programmes.code}, ', ' order by ${programmes.code})`.as("codes"),
      fiscalYears: sql<string>`string_agg(distinct ${yearLabel}, ', ' order by ${yearLabel})`.as("years"),
    })
    .from(fundingLines)
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .groupBy(fundingLines.grantId)
    .as("funding");
  const rowsCsv = db
    .select({
      reference: textCell(grants.reference),
      title: textCell(fr ? grants.titleFr : grants.titleEn),
      recipient: textCell(fr ? organisations.legalNameFr : organisations.legalNameEn),
      recipientAcronym: textCell(organisations.acronym),
      country: textCell(organisations.countryCode),
      programmes: textCell(funding.programmes),
      fiscalYears: textCell(funding.fiscalYears),
      startsOn: dateCell(grants.startsOn),
      endsOn: dateCell(grants.endsOn),
      status: wordsCell(grants.status, grants.status.enumValues, text.status),
      currency: textCell(grants.currency),
      amount: moneyCell(grants.totalAmount, grants.currency),
      disbursed: moneyCell(grants.disbursed, grants.currency),
      remaining: moneyCell(sql`(${grants.totalAmount} - ${grants.disbursed})`, grants.currency),
    })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .leftJoin(funding, eq(funding.grantId, grants.id))
    .where(where)
    .orderBy(...grantListOrder(input));
  async function* csvRows(): AsyncGenerator<Uint8Array> {
    const snapshot = await openSnapshot(db);
    try {
      yield* snapshot.copyCsv(rowsCsv);
    } finally {
      await snapshot.close();
    }
  }

  return {
    fileName: exportFileName(text.fileBase, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount,
    // Keyset batches along the sort's index (migration 0009): each costs the same however deep into the list.
    batches: () =>
      inKeysetBatches(
        (after: GrantListKey | null, limit) => selectGrantListBatch(db, where, input, after, limit),
        (row): GrantListKey => ({ sortKey: row.sortKey, id: row.id }),
        500,
      ),
    csvRows,
  };
}
