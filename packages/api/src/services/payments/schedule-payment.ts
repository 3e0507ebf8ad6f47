import { type DbOrTx, reportingRequirements, scheduledPayments } from "@portal/db";
import { FINISHED_STATUSES, type SchedulePaymentData } from "@portal/domain";
import { and, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { assertScheduleRoom } from "./schedule-room";

/** Adds a planned instalment at the end of a grant's schedule; the schedule never comes to more than the grant. */
export async function schedulePayment(db: DbOrTx, actor: Actor, data: SchedulePaymentData) {
  requireCapability(actor, "grants.manage");
  return db.transaction(async (tx) => {
    // The grant lock also serialises concurrent scheduling, so the sum below and the next sequence number hold.
    const grant = await lockGrantOrThrow(tx, actor, data.grantId);
    if (FINISHED_STATUSES.includes(grant.status)) {
      throw refusal("GRANT_NOT_OPEN", "grantClosedToPayments", { status: grant.status });
    }
    if (data.requirementId) {
      const [requirement] = await tx
        .select({ id: reportingRequirements.id })
        .from(reportingRequirements)
        .where(and(eq(reportingRequirements.id, data.requirementId), eq(reportingRequirements.grantId, grant.id)));
      if (!requirement) throw refusal("VALIDATION", "chooseRequirement", {}, "requirementId");
    }
    const { highest } = await assertScheduleRoom(tx, grant, data.amount);
    const [payment] = await tx
      .insert(scheduledPayments)
      .values({
        grantId: grant.id,
        sequence: highest + 1,
        descriptionEn: data.descriptionEn,
        descriptionFr: data.descriptionFr,
        dueOn: data.dueOn,
        amount: data.amount,
        requirementId: data.requirementId ?? null,
        status: "planned",
        createdById: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "payment.schedule",
      entityType: AUDIT_ENTITY.payment,
      entityId: payment!.id,
      before: null,
      after: payment,
    });
    return payment!;
  });
}
