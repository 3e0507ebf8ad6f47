import type { DbOrTx } from "@portal/db";
import { fiscalYearLabel, type GrantStatus, listGrantsInput, type ListGrantsInput } from "@portal/domain";
import type { Actor } from "../../actor";
import {
  countGrantListRows,
  type GrantListKey,
  type GrantListRow,
  grantListWhere,
  selectGrantListBatch,
} from "../grants/list-grants";
import { todayInOttawa } from "../today";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "./export-format";
import { inKeysetBatches } from "./keyset";
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
  db: DbOrTx,
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
  };
}
