import { type DbOrTx, disbursements, grants, scheduledPayments } from "@portal/db";
import { OUTSTANDING_PAYMENT_STATUSES, type PaymentStatus } from "@portal/domain";
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "./export-format";
import { inKeysetBatches } from "./keyset";

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
 * not paid, soonest first), through the same scope as every grant query. Both are read in keyset batches along
 * disbursements_paid_idx and scheduled_payments_due_idx (migration 0009), so a million rows stream at a steady pace
 * in flat memory.
 */
export async function paymentsExport(
  db: DbOrTx,
  actor: Actor,
  text: PaymentExportText,
  format: ExportFormat,
): Promise<ExportTable<PaymentExportRow>> {
  const scope: SQL = and(visibleGrants(actor), ne(grants.status, "draft"))!;
  const upcomingWhere = and(scope, inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES]));
  const [[received], [upcoming]] = await Promise.all([
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

  // created_at travels as text: a JavaScript Date would drop its microseconds and make the next batch skip or repeat.
  type ReceivedKey = { date: string; createdAt: string; id: string };
  const receivedPage = async (after: ReceivedKey | null, limit: number) =>
    db
      .select({
        id: disbursements.id,
        createdAt: sql<string>`${disbursements.createdAt}::text`,
        date: disbursements.paidOn,
        grantReference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        reference: disbursements.reference,
        reversal: sql<boolean>`${disbursements.reversesId} is not null`,
        currency: disbursements.currency,
        amount: disbursements.amount,
      })
      .from(disbursements)
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .where(
        and(
          scope,
          after
            ? sql`(${disbursements.paidOn}, ${disbursements.createdAt}, ${disbursements.id})
                < (${after.date}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id))
      .limit(limit);

  type UpcomingKey = { date: string; id: string };
  const upcomingPage = async (after: UpcomingKey | null, limit: number) =>
    db
      .select({
        id: scheduledPayments.id,
        date: scheduledPayments.dueOn,
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
      .where(
        and(
          upcomingWhere,
          after
            ? sql`(${scheduledPayments.dueOn}, ${scheduledPayments.id}) > (${after.date}::date, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.id))
      .limit(limit);

  async function* batches(): AsyncGenerator<PaymentExportRow[]> {
    for await (const rows of inKeysetBatches(receivedPage, (r): ReceivedKey => r)) {
      yield rows.map((r): PaymentExportRow => ({
        kind: "received",
        date: r.date,
        grantReference: r.grantReference,
        titleEn: r.titleEn,
        titleFr: r.titleFr,
        descriptionEn: r.reference,
        descriptionFr: r.reference,
        status: r.reversal ? "reversal" : "paid",
        currency: r.currency,
        amount: r.amount,
      }));
    }
    for await (const rows of inKeysetBatches(upcomingPage, (r): UpcomingKey => r)) {
      yield rows.map(({ id: _id, ...r }): PaymentExportRow => ({ kind: "upcoming", ...r }));
    }
  }

  return {
    fileName: exportFileName(text.fileBase, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount: (received?.n ?? 0) + (upcoming?.n ?? 0),
    batches,
  };
}
