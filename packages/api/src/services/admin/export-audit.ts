import type { DbOrTx } from "@portal/db";
import type { Actor } from "../../actor";
import { type ExportColumn, exportFileName, type ExportFormat, type ExportTable } from "../exports";
import { todayInOttawa } from "../today";
import { auditChanges, valueText } from "../audit/audit-changes";
import { auditFilters, type AuditFilters } from "./inputs";
import { auditEventBatches, countAuditEvents } from "./list-audit-events";
import { parseInput } from "../../parse-input";

export const AUDIT_EXPORT_COLUMNS = [
  "at",
  "actorName",
  "actorEmail",
  "actorRole",
  "action",
  "entityType",
  "entityId",
  "changes",
  "before",
  "after",
] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

export interface AuditExportText {
  fileBase: string;
  sheetName: string;
  headers: Record<AuditExportColumn, string>;
  role: (role: string) => string;
}

interface AuditRow {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string | null; role: string | null; name: string | null; email: string | null };
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The audit log as the page shows it (same filters, newest first, every page), streamed in keyset batches. */
export async function auditExport(
  db: DbOrTx,
  actor: Actor,
  rawFilters: unknown,
  text: AuditExportText,
  format: ExportFormat,
): Promise<ExportTable<AuditRow>> {
  const filters: AuditFilters = parseInput(auditFilters, rawFilters);
  const rowCount = await countAuditEvents(db, actor, filters);
  const h = text.headers;
  const columns: ExportColumn<AuditRow>[] = [
    { key: "at", header: h.at, width: 26, value: (r) => r.at.toISOString() },
    { key: "actorName", header: h.actorName, width: 24, value: (r) => r.actor.name },
    { key: "actorEmail", header: h.actorEmail, width: 28, value: (r) => r.actor.email },
    { key: "actorRole", header: h.actorRole, width: 16, value: (r) => (r.actor.role ? text.role(r.actor.role) : null) },
    { key: "action", header: h.action, width: 24, value: (r) => r.action },
    { key: "entityType", header: h.entityType, width: 20, value: (r) => r.entityType },
    { key: "entityId", header: h.entityId, width: 38, value: (r) => r.entityId },
    {
      key: "changes",
      header: h.changes,
      width: 60,
      value: (r) =>
        auditChanges(r.before, r.after)
          .map((c) => `${c.field ? `${c.field}: ` : ""}${valueText(c.before) ?? "∅"} → ${valueText(c.after) ?? "∅"}`)
          .join("; "),
    },
    { key: "before", header: h.before, width: 40, value: (r) => json(r.before) },
    { key: "after", header: h.after, width: 40, value: (r) => json(r.after) },
  ];
  return {
    fileName: exportFileName(text.fileBase, format, todayInOttawa()),
    sheetName: text.sheetName,
    columns,
    rowCount,
    batches: () => auditEventBatches(db, actor, filters),
  };
}
