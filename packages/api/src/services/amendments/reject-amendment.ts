import { type DbOrTx, grantAmendments } from "@portal/db";
import type { AmendmentDecisionData } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockPendingAmendmentOrThrow } from "./lock-amendment";

/** Another officer turns a proposal down, with a reason; the grant is unchanged and may be amended afresh. */
export async function rejectAmendment(db: DbOrTx, actor: Actor, { id, reason }: AmendmentDecisionData) {
  requireCapability(actor, "grants.approve");
  if (!reason) throw refusal("VALIDATION", "amendmentRejectionReason", {}, "reason");
  return db.transaction(async (tx) => {
    const { grant, amendment } = await lockPendingAmendmentOrThrow(tx, actor, id);
    if (amendment.proposedById === actor.userId) {
      throw refusal("FOUR_EYES_REQUIRED", "amendmentOwnRejection");
    }
    const [rejected] = await tx
      .update(grantAmendments)
      .set({ status: "rejected", decidedById: actor.userId, decidedAt: new Date(), decisionReason: reason })
      .where(eq(grantAmendments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "amendment.reject",
      entityType: AUDIT_ENTITY.amendment,
      entityId: id,
      before: { status: "pending" },
      after: { grantId: grant.id, status: "rejected", reason },
    });
    return rejected!;
  });
}
