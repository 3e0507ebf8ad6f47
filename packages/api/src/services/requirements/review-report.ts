import { type DbOrTx, reportingRequirements, reportSubmissions } from "@portal/db";
import { requirementTransitionFor, type ReviewReportData } from "@portal/domain";
import { desc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { syncPaymentHolds } from "../payments/payment-holds";
import { todayInOttawa } from "../today";
import { lockRequirementOrThrow } from "./lock-requirement";

/**
 * An officer's decision on the latest submission: accept it (payments held for it become due again) or ask for
 * changes, saying what to change.
 */
export async function reviewReport(db: DbOrTx, actor: Actor, { requirementId, decision, response }: ReviewReportData) {
  requireCapability(actor, "reports.review");
  if (decision === "changes_requested" && response.trim() === "") {
    throw refusal("VALIDATION", "tellPartnerWhatToChange", {}, "response");
  }
  const action = decision === "accepted" ? "accept" : "requestChanges";
  return db.transaction(async (tx) => {
    const { grant, requirement } = await lockRequirementOrThrow(tx, actor, requirementId);
    const to = requirementTransitionFor(action, requirement.status);
    if (!to) throw refusal("INVALID_TRANSITION", "reportNothingToReview", { status: requirement.status });

    const [latest] = await tx
      .select({ id: reportSubmissions.id })
      .from(reportSubmissions)
      .where(eq(reportSubmissions.requirementId, requirementId))
      .orderBy(desc(reportSubmissions.submittedAt), desc(reportSubmissions.id))
      .limit(1);
    const [submission] = latest
      ? await tx
          .update(reportSubmissions)
          .set({ decision, response: response || null, respondedById: actor.userId, respondedAt: new Date() })
          .where(eq(reportSubmissions.id, latest.id))
          .returning()
      : [null];
    await tx.update(reportingRequirements).set({ status: to }).where(eq(reportingRequirements.id, requirementId));
    const released = to === "accepted" ? await syncPaymentHolds(tx, grant.id, todayInOttawa(), requirementId) : [];
    await writeAudit(tx, actor, {
      action: `requirement.${action}`,
      entityType: AUDIT_ENTITY.requirement,
      entityId: requirementId,
      before: { status: requirement.status },
      after: { status: to, submission, releasedPayments: released },
    });
    return { ...requirement, status: to, releasedPayments: released };
  });
}
