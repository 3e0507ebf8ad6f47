import type { DbOrTx } from "@portal/db";
import { fiscalYearLabel } from "@portal/domain";
import type { Actor } from "../../actor";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "../exports";
import { inKeysetBatches } from "../exports/keyset";
import { todayInOttawa } from "../today";
import {
  type budgetDrilldown,
  drilldownLines,
  drilldownPayments,
  drilldownScope,
  drilldownSums,
  type LineKey,
  type PaymentKey,
} from "./budget-drilldown";
import type { BudgetDrilldownInput } from "./inputs";

type Drilldown = Awaited<ReturnType<typeof budgetDrilldown>>;
type GrantLine = Drilldown["grants"][number];
type Payment = Drilldown["disbursements"][number];

export const BUDGET_GRANT_EXPORT_COLUMNS = [
  "fiscalYear",
  "programme",
  "reference",
  "title",
  "recipient",
  "recipientAcronym",
  "status",
  "fundingLine",
  "committed",
  "disbursed",
] as const;
export type BudgetGrantExportColumn = (typeof BUDGET_GRANT_EXPORT_COLUMNS)[number];

export const BUDGET_DISBURSEMENT_EXPORT_COLUMNS = [
  "paidOn",
  "fiscalYear",
  "quarter",
  "grantReference",
  "recipient",
  "recipientAcronym",
  "reference",
  "programme",
  "currency",
  "amount",
  "amountCad",
] as const;
export type BudgetDisbursementExportColumn = (typeof BUDGET_DISBURSEMENT_EXPORT_COLUMNS)[number];

export interface BudgetExportText<Column extends string> {
  locale: "en" | "fr";
  fileBase: string;
  sheetName: string;
  headers: Record<Column, string>;
  status: (status: GrantLine["grant"]["status"]) => string;
}

/**
 * The grants (funding lines) table of a budget drill-down, with the same filters as the page. */
export async function budgetGrantsExport(
  db: DbOrTx,
  actor: Actor,
  filters: BudgetDrilldownInput,
  text: BudgetExportText<BudgetGrantExportColumn>,
  format: ExportFormat,
): Promise<ExportTable<GrantLine>> {
  const scope = await drilldownScope(db, actor, filters);
  const fr = text.locale === "fr";
  const h = text.headers;
  const fy = fiscalYearLabel(scope.fiscalYear);
  const columns: ExportColumn<GrantLine>[] = [
    { key: "fiscalYear", header: h.fiscalYear, width: 11, value: () => fy },
    { key: "programme", header: h.programme, width: 10, value: (r) => r.programmeCode },
    { key: "reference", header: h.reference, width: 20, value: (r) => r.grant.reference },
    { key: "title", header: h.title, width: 48, value: (r) => (fr ? r.grant.titleFr : r.grant.titleEn) },
    { key: "recipient", header: h.recipient, width: 40, value: (r) => (fr ? r.recipient.nameFr : r.recipient.nameEn) },
    { key: "recipientAcronym", header: h.recipientAcronym, width: 12, value: (r) => r.recipient.acronym },
    { key: "status", header: h.status, width: 14, value: (r) => text.status(r.grant.status) },
    { key: "fundingLine", header: h.fundingLine, kind: "money", value: (r) => r.amount, currency: () => "CAD" },
    { key: "committed", header: h.committed, kind: "money", value: (r) => r.committed, currency: () => "CAD" },
    { key: "disbursed", header: h.disbursed, kind: "money", value: (r) => r.disbursed, currency: () => "CAD" },
  ];
  return {
    fileName: exportFileName(`${text.fileBase}-${fy}`, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount: (await drilldownSums(db, scope)).lineSums?.count ?? 0,
    batches: () =>
      inKeysetBatches(
        (after: LineKey | null, limit) => drilldownLines(db, scope, after, limit),
        (r): LineKey => ({
          reference: r.grant.reference,
          programmeCode: r.programmeCode,
          fundingLineId: r.fundingLineId,
        }),
      ),
  };
}

/** The disbursements table of a budget drill-down, with the same filters as the page. */
export async function budgetDisbursementsExport(
  db: DbOrTx,
  actor: Actor,
  filters: BudgetDrilldownInput,
  text: BudgetExportText<BudgetDisbursementExportColumn>,
  format: ExportFormat,
): Promise<ExportTable<Payment>> {
  const scope = await drilldownScope(db, actor, filters);
  const fr = text.locale === "fr";
  const h = text.headers;
  const columns: ExportColumn<Payment>[] = [
    { key: "paidOn", header: h.paidOn, kind: "date", width: 12, value: (r) => r.paidOn },
    { key: "fiscalYear", header: h.fiscalYear, width: 11, value: (r) => fiscalYearLabel(r.fiscalYear) },
    { key: "quarter", header: h.quarter, kind: "integer", width: 9, value: (r) => r.fiscalQuarter },
    { key: "grantReference", header: h.grantReference, width: 20, value: (r) => r.grant.reference },
    { key: "recipient", header: h.recipient, width: 40, value: (r) => (fr ? r.recipient.nameFr : r.recipient.nameEn) },
    { key: "recipientAcronym", header: h.recipientAcronym, width: 12, value: (r) => r.recipient.acronym },
    { key: "reference", header: h.reference, width: 30, value: (r) => r.reference },
    { key: "programme", header: h.programme, width: 10, value: (r) => r.programmeCode },
    { key: "currency", header: h.currency, width: 9, value: (r) => r.currency },
    { key: "amount", header: h.amount, kind: "money", value: (r) => r.amount, currency: (r) => r.currency },
    { key: "amountCad", header: h.amountCad, kind: "money", value: (r) => r.amountCad, currency: () => "CAD" },
  ];
  return {
    fileName: exportFileName(`${text.fileBase}-${fiscalYearLabel(scope.fiscalYear)}`, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount: (await drilldownSums(db, scope)).paymentSums?.count ?? 0,
    batches: () =>
      inKeysetBatches(
        (after: PaymentKey | null, limit) => drilldownPayments(db, scope, after, limit),
        (r): PaymentKey => ({ paidOn: r.paidOn, reference: r.reference, id: r.id }),
      ),
  };
}
