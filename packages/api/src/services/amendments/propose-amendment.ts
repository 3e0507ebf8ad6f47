import { type DbOrTx, grantAmendments } from "@portal/db";
import type { ProposeAmendmentData } from "@portal/domain";
import { and, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../db-errors";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { planAmendment } from "./plan-amendment";

const alreadyPending = () => refusal("AMENDMENT_PENDING", "amendmentPending");

/**
 * Proposes an amendment: checked now by the same rule that approval applies (so a proposal that could never be
 * approved is refused at once), stored with its before/after, and left for another officer to approve. Nothing on the
 * grant changes until then.
 */
export async function proposeAmendment(
  db: DbOrTx,
  actor: Actor,
  { grantId, reason, ...request }: ProposeAmendmentData,
) {
  requireCapability(actor, "grants.manage");
  try {
    return await db.transaction(async (tx) => {
      const grant = await lockGrantOrThrow(tx, actor, grantId);
      const [pending] = await tx
        .select({ id: grantAmendments.id })
        .from(grantAmendments)
        .where(and(eq(grantAmendments.grantId, grantId), eq(grantAmendments.status, "pending")));
      if (pending) throw alreadyPending();
      const plan = await planAmendment(tx, actor, grant, request);
      const [amendment] = await tx
        .insert(grantAmendments)
        .values({ grantId, reason, request, changes: plan.changes, proposedById: actor.userId })
        .returning();
      await writeAudit(tx, actor, {
        action: "amendment.propose",
        entityType: AUDIT_ENTITY.amendment,
        entityId: amendment!.id,
        before: null,
        after: { grantId, status: "pending", reason, changes: plan.changes },
      });
      return amendment!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "grant_amendments_one_pending")) throw alreadyPending();
    throw error;
  }
}
