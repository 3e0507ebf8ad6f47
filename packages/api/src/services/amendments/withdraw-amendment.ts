import { type DbOrTx, grantAmendments } from "@portal/db";
import type { AmendmentDecisionData } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockPendingAmendmentOrThrow } from "./lock-amendment";

/** The proposer takes a pending amendment back (the reason is optional); it stays in the staff's history. */
export async function withdrawAmendment(db: DbOrTx, actor: Actor, { id, reason }: AmendmentDecisionData) {
  requireCapability(actor, "grants.manage");
  return db.transaction(async (tx) => {
    const { grant, amendment } = await lockPendingAmendmentOrThrow(tx, actor, id);
    if (amendment.proposedById !== actor.userId) {
      throw refusal("FORBIDDEN", "amendmentOnlyProposerWithdraws");
    }
    const [withdrawn] = await tx
      .update(grantAmendments)
      .set({ status: "withdrawn", decidedById: actor.userId, decidedAt: new Date(), decisionReason: reason ?? null })
      .where(eq(grantAmendments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "amendment.withdraw",
      entityType: AUDIT_ENTITY.amendment,
      entityId: id,
      before: { status: "pending" },
      after: { grantId: grant.id, status: "withdrawn", reason: reason ?? null },
    });
    return withdrawn!;
  });
}
