import {
  auditEvents,
  type DbOrTx,
  disbursements,
  grantAmendments,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { assertGrantVisible } from "../grants/grant-scope";
import { withAuditViews } from "./audit-records";
import { AUDIT_ENTITY } from "./write-audit";

const TRAIL_LIMIT = 500;

/**
 * Everything done to a grant and to its payments, disbursements, reporting requirements and amendments, newest first.
 *
 * Staff only: the trail is an internal control record (officers' names, internal reasons, before/after of internal
 * fields). Partners follow their grant through its status, schedule and reports on the grant page instead, so they
 * are refused here whatever the grant (FORBIDDEN before any lookup, which also tells them nothing about other
 * organisations' grants).
 */
export async function grantAuditTrail(db: DbOrTx, actor: Actor, grantId: string) {
  requireCapability(actor, "grants.view.all");
  await assertGrantVisible(db, actor, grantId);
  const childrenOf = (type: string, ids: SQL) =>
    and(eq(auditEvents.entityType, type), sql`${auditEvents.entityId} in (${ids})`);
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
    .where(
      or(
        and(eq(auditEvents.entityType, AUDIT_ENTITY.grant), eq(auditEvents.entityId, grantId)),
        childrenOf(
          AUDIT_ENTITY.payment,
          sql`select ${scheduledPayments.id}::text from ${scheduledPayments} where ${scheduledPayments.grantId} = ${grantId}`,
        ),
        childrenOf(
          AUDIT_ENTITY.disbursement,
          sql`select ${disbursements.id}::text from ${disbursements} where ${disbursements.grantId} = ${grantId}`,
        ),
        childrenOf(
          AUDIT_ENTITY.amendment,
          sql`select ${grantAmendments.id}::text from ${grantAmendments} where ${grantAmendments.grantId} = ${grantId}`,
        ),
        childrenOf(
          AUDIT_ENTITY.requirement,
          sql`select ${reportingRequirements.id}::text from ${reportingRequirements} where ${reportingRequirements.grantId} = ${grantId}`,
        ),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(TRAIL_LIMIT);
  return withAuditViews(db, events);
}
