import { type DbOrTx, reportingRequirements } from "@portal/db";
import { requirementTransitionFor, type WaiveRequirementData } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { syncPaymentHolds } from "../payments/payment-holds";
import { todayInOttawa } from "../today";
import { lockRequirementOrThrow } from "./lock-requirement";

/** Drops a report the partner no longer owes, with the reason on record; payments held for it become due again. */
export async function waiveRequirement(db: DbOrTx, actor: Actor, { requirementId, reason }: WaiveRequirementData) {
  requireCapability(actor, "reports.review");
  if (reason.trim() === "") throw refusal("VALIDATION", "giveWaiverReason", {}, "reason");
  return db.transaction(async (tx) => {
    const { grant, requirement } = await lockRequirementOrThrow(tx, actor, requirementId);
    const to = requirementTransitionFor("waive", requirement.status);
    if (!to) throw refusal("INVALID_TRANSITION", "reportCannotBeWaived", { status: requirement.status });
    await tx
      .update(reportingRequirements)
      .set({ status: to, waivedReason: reason })
      .where(eq(reportingRequirements.id, requirementId));
    const released = await syncPaymentHolds(tx, grant.id, todayInOttawa(), requirementId);
    await writeAudit(tx, actor, {
      action: "requirement.waive",
      entityType: AUDIT_ENTITY.requirement,
      entityId: requirementId,
      before: { status: requirement.status, waivedReason: requirement.waivedReason },
      after: { status: to, waivedReason: reason, releasedPayments: released },
    });
    return { ...requirement, status: to, waivedReason: reason, releasedPayments: released };
  });
}
