import { type DbOrTx, scheduledPayments } from "@portal/db";
import { PAYMENT_TRANSITIONS, type PaymentActionData, paymentTransitionFor } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { todayInOttawa } from "../today";
import { lockPaymentOrThrow } from "./lock-payment";
import { assertPaymentAllowed, loadPaymentFacts } from "./payment-rules";

/** markDue, approve, hold, release or cancel one scheduled payment, as PAYMENT_TRANSITIONS allows. */
export async function actOnPayment(db: DbOrTx, actor: Actor, { id, action }: PaymentActionData) {
  requireCapability(actor, PAYMENT_TRANSITIONS[action].capability);
  return db.transaction(async (tx) => {
    const { grant, payment } = await lockPaymentOrThrow(tx, actor, id);
    // The same rule the grant page and the dashboard list the buttons with (four eyes, grant status, linked report).
    assertPaymentAllowed(actor, await loadPaymentFacts(tx, grant, payment, todayInOttawa()), action);
    const to = paymentTransitionFor(action, payment.status)!;

    const [updated] = await tx
      .update(scheduledPayments)
      .set({ status: to, ...(action === "approve" ? { approvedById: actor.userId } : {}) })
      .where(eq(scheduledPayments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: `payment.${action}`,
      entityType: AUDIT_ENTITY.payment,
      entityId: id,
      before: { status: payment.status, approvedById: payment.approvedById },
      after: { status: updated!.status, approvedById: updated!.approvedById },
    });
    return updated!;
  });
}
