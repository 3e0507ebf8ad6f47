import { auditEvents, type DbOrTx, users } from "@portal/db";
import { and, desc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { withAuditViews } from "../audit/audit-records";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { assertConferenceVisible } from "./conference-scope";

/** Who created and changed a conference, newest first (staff only, like a grant's trail). */
export async function conferenceAuditTrail(db: DbOrTx, actor: Actor, id: string) {
  requireCapability(actor, "grants.view.all");
  await assertConferenceVisible(db, actor, id);
  const events = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actor: { id: auditEvents.actorId, role: auditEvents.actorRole, name: users.name },
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, AUDIT_ENTITY.conference), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(200);
  return withAuditViews(db, events);
}
