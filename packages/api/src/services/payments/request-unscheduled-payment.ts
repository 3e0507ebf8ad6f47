import { type DbOrTx, scheduledPayments } from "@portal/db";
import { DISBURSABLE_STATUSES, type RequestUnscheduledPaymentData } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { assertScheduleRoom } from "./schedule-room";

/**
 * Asks for a payment outside the schedule. It is added as a due instalment created by the requester, so the payment
 * rule demands another officer's approval before it can be paid, exactly as for planned instalments; and it counts in
 * the schedule, which never comes to more than the grant.
 */
export async function requestUnscheduledPayment(db: DbOrTx, actor: Actor, data: RequestUnscheduledPaymentData) {
  requireCapability(actor, "disbursements.record");
  return db.transaction(async (tx) => {
    const grant = await lockGrantOrThrow(tx, actor, data.grantId);
    if (!DISBURSABLE_STATUSES.includes(grant.status)) {
      throw refusal("GRANT_NOT_DISBURSABLE", "grantNotDisbursable", { status: grant.status });
    }
    const { highest } = await assertScheduleRoom(tx, grant, data.amount);
    const [payment] = await tx
      .insert(scheduledPayments)
      .values({
        grantId: grant.id,
        sequence: highest + 1,
        descriptionEn: data.reason,
        descriptionFr: data.reason,
        dueOn: data.dueOn,
        amount: data.amount,
        status: "due",
        createdById: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "payment.requestUnscheduled",
      entityType: AUDIT_ENTITY.payment,
      entityId: payment!.id,
      before: null,
      after: payment,
    });
    return payment!;
  });
}
