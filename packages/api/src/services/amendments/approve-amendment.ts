import { type DbOrTx, grantAmendments } from "@portal/db";
import type { AmendmentDecisionData } from "@portal/domain";
import { eq, max } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { applyAmendment } from "./apply-amendment";
import { lockPendingAmendmentOrThrow } from "./lock-amendment";
import { planAmendment } from "./plan-amendment";

/**
 * Approves an amendment (four eyes: never its proposer) and applies it in the same transaction, under the grant lock:
 * the rule is checked again against the grant as it is now, so payments made since the proposal are counted, and
 * the before/after kept in the history is what actually changed. The amendment takes the grant's next number.
 */
export async function approveAmendment(db: DbOrTx, actor: Actor, { id }: AmendmentDecisionData) {
  requireCapability(actor, "grants.approve");
  return db.transaction(async (tx) => {
    const { grant, amendment } = await lockPendingAmendmentOrThrow(tx, actor, id);
    if (amendment.proposedById === actor.userId) {
      throw refusal("FOUR_EYES_REQUIRED", "amendmentOwnApproval");
    }
    const plan = await planAmendment(tx, actor, grant, amendment.request);
    const commitments = await applyAmendment(tx, grant, plan);
    const [{ last }] = (await tx
      .select({ last: max(grantAmendments.number) })
      .from(grantAmendments)
      .where(eq(grantAmendments.grantId, grant.id))) as [{ last: number | null }];
    const [approved] = await tx
      .update(grantAmendments)
      .set({
        status: "approved",
        number: (last ?? 0) + 1,
        changes: plan.changes,
        decidedById: actor.userId,
        decidedAt: new Date(),
      })
      .where(eq(grantAmendments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "amendment.approve",
      entityType: AUDIT_ENTITY.amendment,
      entityId: id,
      before: {
        status: "pending",
        grant: { status: grant.status, endsOn: grant.endsOn, totalAmount: grant.totalAmount },
      },
      after: { grantId: grant.id, status: "approved", number: approved!.number, changes: plan.changes, commitments },
    });
    return approved!;
  });
}
