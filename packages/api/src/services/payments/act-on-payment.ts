import { type DbOrTx, scheduledPayments } from "@portal/db";
import {
  isOwnCreation,
  PAYMENT_APPROVABLE_STATUSES,
  PAYMENT_TRANSITIONS,
  type PaymentActionData,
  paymentTransitionFor,
} from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { DomainError } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { grantStatusWords, paymentTransitionRefused } from "../messages";
import { todayInOttawa } from "../today";
import { lockPaymentOrThrow } from "./lock-payment";
import { assertReportNotOverdue } from "./payment-holds";

/** markDue, approve, hold, release or cancel one scheduled payment, as PAYMENT_TRANSITIONS allows. */
export async function actOnPayment(db: DbOrTx, actor: Actor, { id, action }: PaymentActionData) {
  requireCapability(actor, PAYMENT_TRANSITIONS[action].capability);
  return db.transaction(async (tx) => {
    const { grant, payment } = await lockPaymentOrThrow(tx, actor, id);
    const to = paymentTransitionFor(action, payment.status);
    if (!to) throw new DomainError("INVALID_TRANSITION", paymentTransitionRefused(payment.status, action));
    if (action === "approve") {
      if (!PAYMENT_APPROVABLE_STATUSES.includes(grant.status)) {
        throw new DomainError(
          "INVALID_TRANSITION",
          `Instalments can be approved once the grant is approved; this grant is ${grantStatusWords(grant.status)}.`,
        );
      }
      if (isOwnCreation(actor, payment.createdById)) {
        throw new DomainError(
          "FOUR_EYES_REQUIRED",
          "You scheduled this instalment, so another officer has to approve it.",
        );
      }
    }
    if (action === "approve" || action === "release") await assertReportNotOverdue(tx, payment, todayInOttawa());

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
