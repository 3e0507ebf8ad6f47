import { type DbOrTx, fundingLines, grantComponents, grants, scheduledPayments } from "@portal/db";
import {
  ACTIONS_NEEDING_REASON,
  FINISHED_STATUSES,
  GRANT_TRANSITIONS,
  type GrantTransitionData,
  isOwnCreation,
  OUTSTANDING_PAYMENT_STATUSES,
  transitionFor,
} from "@portal/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { moveCommitments } from "./commitments";
import { assertGrantAddsUp } from "./grant-sums";
import { lockGrantOrThrow } from "./lock-grant";

/**
 * Fires one lifecycle action. The capability comes from GRANT_TRANSITIONS and is checked before the grant is even
 * looked up (so a refusal says nothing about which grants exist); the grant row is locked, so two people acting on
 * one grant at once cannot both pass the from-state check.
 */
export async function transitionGrant(db: DbOrTx, actor: Actor, { id, action, reason }: GrantTransitionData) {
  const rule = GRANT_TRANSITIONS[action];
  requireCapability(actor, rule.capability);
  if (ACTIONS_NEEDING_REASON.includes(action) && !reason) {
    throw refusal("VALIDATION", "giveReason", {}, "reason");
  }
  return db.transaction(async (tx) => {
    const grant = await lockGrantOrThrow(tx, actor, id);
    const to = transitionFor(action, grant.status);
    if (!to) throw refusal("INVALID_TRANSITION", "grantTransitionRefused", { status: grant.status, action });
    if (action === "approve" && isOwnCreation(actor, grant.createdById)) {
      throw refusal("FOUR_EYES_REQUIRED", "ownGrant");
    }
    if (action === "submit" || action === "approve") {
      const [components, lines] = await Promise.all([
        tx.select({ amount: grantComponents.amount }).from(grantComponents).where(eq(grantComponents.grantId, id)),
        tx.select({ amount: fundingLines.amount }).from(fundingLines).where(eq(fundingLines.grantId, id)),
      ]);
      assertGrantAddsUp({ ...grant, components, fundingLines: lines });
    }

    const commitments = await moveCommitments(tx, grant, to);
    // A grant that ends pays nothing more: its instalments still waiting are cancelled with it.
    const cancelledPayments = FINISHED_STATUSES.includes(to)
      ? await tx
          .update(scheduledPayments)
          .set({ status: "cancelled" })
          .where(
            and(
              eq(scheduledPayments.grantId, id),
              inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES]),
            ),
          )
          .returning({ id: scheduledPayments.id, sequence: scheduledPayments.sequence })
      : [];
    const [updated] = await tx
      .update(grants)
      .set({
        status: to,
        approvedById: action === "approve" ? actor.userId : grant.approvedById,
        // A transition also invalidates a form opened before it.
        version: sql`${grants.version} + 1`,
      })
      .where(eq(grants.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: `grant.${action}`,
      entityType: AUDIT_ENTITY.grant,
      entityId: id,
      before: { status: grant.status, version: grant.version },
      after: { status: to, version: updated!.version, reason: reason ?? null, commitments, cancelledPayments },
    });
    return updated!;
  });
}
