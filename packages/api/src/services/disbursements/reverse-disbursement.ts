import { type DbOrTx, disbursements, scheduledPayments } from "@portal/db";
import { paymentTransitionFor, REVERSIBLE_STATUSES, type ReverseDisbursementData, param } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { type DomainError, refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../db-errors";
import { lockOwningGrantOrThrow } from "../grants/lock-grant";
import { todayInOttawa } from "../today";
import { fiscalPeriodOf } from "./fiscal-period";
import { recordOnce } from "./idempotent-entry";
import { applyDisbursedDelta } from "./ledger-counters";

function alreadyReversed(): DomainError {
  return refusal("ALREADY_REVERSED", "alreadyReversed", {}, "disbursementId");
}

/**
 * Corrects a disbursement the only way the append-only ledger allows: a negative entry pointing at it, with a reason.
 * The running totals go back down, and an instalment it paid is payable again. Idempotent like recording.
 */
export async function reverseDisbursement(db: DbOrTx, actor: Actor, input: ReverseDisbursementData) {
  requireCapability(actor, "disbursements.record");
  const [original] = await db.select().from(disbursements).where(eq(disbursements.id, input.disbursementId));
  if (!original) throw refusal("NOT_FOUND", "noSuchDisbursement");
  const isSameRequest = (row: { reversesId: string | null }) => row.reversesId === original.id;

  try {
    return await recordOnce(
      db,
      { grantId: original.grantId, idempotencyKey: input.idempotencyKey },
      isSameRequest,
      async (tx, alreadyRecorded) => {
        const grant = await lockOwningGrantOrThrow(tx, actor, original.grantId, "noSuchDisbursement");
        const replayed = await alreadyRecorded();
        if (replayed) return replayed;
        if (original.reversesId !== null) {
          throw refusal("VALIDATION", "reversalOfReversal", {}, "disbursementId");
        }
        // A closed grant's books are closed: its payments are reopened by an amendment first, or not at all.
        if (!REVERSIBLE_STATUSES.includes(grant.status)) {
          throw refusal("GRANT_NOT_REVERSIBLE", "grantNotReversible", { status: grant.status });
        }
        const today = todayInOttawa();
        if (input.paidOn > today || input.paidOn < original.paidOn) {
          throw refusal(
            "PAYMENT_DATE_OUT_OF_RANGE",
            "reversalDateOutOfRange",
            { paidOn: param.date(original.paidOn), today: param.date(today) },
            "paidOn",
          );
        }
        const [reversal] = await tx
          .select({ id: disbursements.id })
          .from(disbursements)
          .where(eq(disbursements.reversesId, original.id));
        if (reversal) throw alreadyReversed();

        const [entry] = await tx
          .insert(disbursements)
          .values({
            grantId: original.grantId,
            fundingLineId: original.fundingLineId,
            scheduledPaymentId: original.scheduledPaymentId,
            paidOn: input.paidOn,
            ...(await fiscalPeriodOf(tx, input.paidOn)),
            amount: -original.amount,
            currency: original.currency,
            amountCad: -original.amountCad,
            reference: `Reversal of ${original.reference}`,
            idempotencyKey: input.idempotencyKey,
            reversesId: original.id,
            reason: input.reason,
            recordedById: actor.userId,
          })
          .returning();
        await applyDisbursedDelta(tx, grant, original.fundingLineId, {
          amount: -original.amount,
          amountCad: -original.amountCad,
        });

        // The instalment this entry paid was not really paid after all: it is approved and payable again.
        let reopened: { id: string; from: string; to: string } | null = null;
        if (original.scheduledPaymentId) {
          const [payment] = await tx
            .select()
            .from(scheduledPayments)
            .where(eq(scheduledPayments.id, original.scheduledPaymentId))
            .for("update");
          const to = payment ? paymentTransitionFor("reopen", payment.status) : null;
          if (payment && to) {
            await tx.update(scheduledPayments).set({ status: to }).where(eq(scheduledPayments.id, payment.id));
            reopened = { id: payment.id, from: payment.status, to };
          }
        }
        await writeAudit(tx, actor, {
          action: "disbursement.reverse",
          entityType: AUDIT_ENTITY.disbursement,
          entityId: entry!.id,
          before: { reverses: original },
          after: { disbursement: entry, scheduledPayment: reopened },
        });
        return { disbursement: entry!, replayed: false };
      },
    );
  } catch (error) {
    // Two reversals of one entry under different keys: the unique reverses_id lets only one through.
    if (isUniqueViolation(error, "disbursements_reversesId_unique")) throw alreadyReversed();
    throw error;
  }
}
