import { auditEvents, type DbOrTx } from "@portal/db";
import type { Actor } from "../../actor";

/**
 * Every kind of record the audit log speaks of, in one list: the grant trail finds its children's events by these
 * names, and the audit log's filters offer them.
 */
export const AUDIT_ENTITY = {
  grant: "grant",
  amendment: "amendment",
  payment: "scheduled_payment",
  disbursement: "disbursement",
  requirement: "reporting_requirement",
  user: "user",
  membership: "membership",
  organisation: "organisation",
  partnership: "partnership",
  relation: "organisation_relation",
  conference: "conference",
  invitation: "invitation",
  programme: "programme",
  fiscalYear: "fiscal_year",
  allocation: "allocation",
  session: "session",
  setting: "setting",
} as const;
export type AuditEntityType = (typeof AUDIT_ENTITY)[keyof typeof AUDIT_ENTITY];

export interface AuditEntry {
  /** `<entity>.<verb>`, such as "grant.approve". */
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Writes the one audit event of a mutation. Call it with the mutation's own transaction, so the event exists exactly
 * when the change does (a rolled-back change leaves no event, and no change is committed without one).
 */
export async function writeAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    actorRole: actor.role,
    requestId: actor.requestId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    // JSON round trip: Dates become ISO strings and undefined fields disappear, as they will read back.
    before: entry.before === null || entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === null || entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
  });
}
