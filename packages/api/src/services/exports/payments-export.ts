import { type Database, disbursements, grants, scheduledPayments } from "@portal/db";
import { OUTSTANDING_PAYMENT_STATUSES, type PaymentStatus } from "@portal/domain";
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "./export-format";
import { dateCell, moneyCell, textCell, wordCell, wordsCell } from "./csv-sql";
import { openSnapshot } from "./snapshot-cursor";

export const PAYMENT_EXPORT_COLUMNS = [
  "kind",
  "date",
  "grantReference",
  "grantTitle",
  "description",
  "status",
  "currency",
  "amount",
] as const;
export type PaymentExportColumn = (typeof PAYMENT_EXPORT_COLUMNS)[number];

export interface PaymentExportRow {
  kind: "received" | "upcoming";
  date: string;
  grantReference: string;
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  status: PaymentStatus | "reversal" | "paid";
  currency: string;
  amount: number;
}

export interface PaymentExportText {
  locale: "en" | "fr";
  fileBase: string;
  sheetName: string;
  headers: Record<PaymentExportColumn, string>;
  kind: (kind: PaymentExportRow["kind"]) => string;
  status: (status: PaymentExportRow["status"]) => string;
}

/**
 * Payments as the partner workspace lists them: received (disbursements, newest first) then upcoming (scheduled and
 * not paid, soonest first), through the same scope as every grant query. Both are read through cursors in one
 * read-only snapshot (openSnapshot), so a million rows stream at a steady pace in flat memory. As CSV, PostgreSQL
 * writes the cells itself (COPY), the same text csvCell would: no JavaScript per row.
 */
export async function paymentsExport(
  db: Database,
  actor: Actor,
  text: PaymentExportText,
  format: ExportFormat,
): Promise<ExportTable<PaymentExportRow>> {
  const scope: SQL = and(visibleGrants(actor), ne(grants.status, "draft"))!;
  const upcomingWhere = and(scope, inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES]));
  const [[receivedCount], [upcomingCount]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(disbursements)
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .where(scope),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(scheduledPayments)
      .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
      .where(upcomingWhere),
  ]);
  const fr = text.locale === "fr";
  const h = text.headers;
  const columns: ExportColumn<PaymentExportRow>[] = [
    { key: "kind", header: h.kind, width: 12, value: (r) => text.kind(r.kind) },
    { key: "date", header: h.date, kind: "date", width: 12, value: (r) => r.date },
    { key: "grantReference", header: h.grantReference, width: 20, value: (r) => r.grantReference },
    { key: "grantTitle", header: h.grantTitle, width: 48, value: (r) => (fr ? r.titleFr : r.titleEn) },
    { key: "description", header: h.description, width: 40, value: (r) => (fr ? r.descriptionFr : r.descriptionEn) },
    { key: "status", header: h.status, width: 14, value: (r) => text.status(r.status) },
    { key: "currency", header: h.currency, width: 9, value: (r) => r.currency },
    { key: "amount", header: h.amount, kind: "money", value: (r) => r.amount, currency: (r) => r.currency },
  ];

  // The columns as the cursor returns them (arrays, in this order): dates as text, amounts as int8 text.
  const received = db
    .select({
      date: sql`${disbursements.paidOn}::text`,
      grantReference: grants.reference,
      titleEn: grants.titleEn,
      titleFr: grants.titleFr,
      reference: disbursements.reference,
      reversal: sql`${disbursements.reversesId} is not null`,
      currency: disbursements.currency,
      amount: disbursements.amount,
    })
    .from(disbursements)
    .innerJoin(grants, eq(grants.id, disbursements.grantId))
    .where(scope)
    .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id));
  const upcoming = db
    .select({
      date: sql`${scheduledPayments.dueOn}::text`,
      grantReference: grants.reference,
      titleEn: grants.titleEn,
      titleFr: grants.titleFr,
      descriptionEn: scheduledPayments.descriptionEn,
      descriptionFr: scheduledPayments.descriptionFr,
      status: scheduledPayments.status,
      currency: grants.currency,
      amount: scheduledPayments.amount,
    })
    .from(scheduledPayments)
    .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
    .where(upcomingWhere)
    .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.id));

  // The same rows as CSV cells, written by PostgreSQL (csvRows): the columns above, in order, as csvCell writes them.
  const title = fr ? grants.titleFr : grants.titleEn;
  const receivedCsv = db
    .select({
      kind: wordCell(text.kind("received")),
      date: dateCell(disbursements.paidOn),
      grantReference: textCell(grants.reference),
      grantTitle: textCell(title),
      description: textCell(disbursements.reference),
      status: sql`case when ${disbursements.reversesId} is null then ${wordCell(text.status("paid"))}
        else ${wordCell(text.status("reversal"))} end`,
      currency: textCell(disbursements.currency),
      amount: moneyCell(disbursements.amount, disbursements.currency),
    })
    .from(disbursements)
    .innerJoin(grants, eq(grants.id, disbursements.grantId))
    .where(scope)
    .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id));
  const upcomingCsv = db
    .select({
      kind: wordCell(text.kind("upcoming")),
      date: dateCell(scheduledPayments.dueOn),
      grantReference: textCell(grants.reference),
      grantTitle: textCell(title),
      description: textCell(fr ? scheduledPayments.descriptionFr : scheduledPayments.descriptionEn),
      status: wordsCell(scheduledPayments.status, OUTSTANDING_PAYMENT_STATUSES, text.status),
      currency: textCell(grants.currency),
      amount: moneyCell(scheduledPayments.amount, grants.currency),
    })
    .from(scheduledPayments)
    .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
    .where(upcomingWhere)
    .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.id));

  // Both lists from one snapshot, each one cursor along disbursements_paid_idx or scheduled_payments_due_idx: the
  // export is consistent however long it streams, and a million rows are planned and walked once.
  async function* batches(): AsyncGenerator<PaymentExportRow[]> {
    const snapshot = await openSnapshot(db);
    try {
      for await (const rows of snapshot.cursor(received)) {
        yield rows.map(([date, grantReference, titleEn, titleFr, reference, reversal, currency, amount]) => ({
          kind: "received",
          date: date as string,
          grantReference: grantReference as string,
          titleEn: titleEn as string,
          titleFr: titleFr as string,
          descriptionEn: reference as string,
          descriptionFr: reference as string,
          status: reversal ? "reversal" : "paid",
          currency: currency as string,
          amount: Number(amount),
        }));
      }
      for await (const rows of snapshot.cursor(upcoming)) {
        yield rows.map(
          ([date, grantReference, titleEn, titleFr, descriptionEn, descriptionFr, status, currency, amount]) => ({
            kind: "upcoming",
            date: date as string,
            grantReference: grantReference as string,
            titleEn: titleEn as string,
            titleFr: titleFr as string,
            descriptionEn: descriptionEn as string,
            descriptionFr: descriptionFr as string,
            status: status as PaymentStatus,
            currency: currency as string,
            amount: Number(amount),
          }),
        );
      }
    } finally {
      await snapshot.close();
    }
  }

  async function* csvRows(): AsyncGenerator<Uint8Array> {
    const snapshot = await openSnapshot(db);
    try {
      yield* snapshot.copyCsv(receivedCsv);
      yield* snapshot.copyCsv(upcomingCsv);
    } finally {
      await snapshot.close();
    }
  }

  return {
    fileName: exportFileName(text.fileBase, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount: (receivedCount?.n ?? 0) + (upcomingCount?.n ?? 0),
    batches,
    csvRows,
  };
}
