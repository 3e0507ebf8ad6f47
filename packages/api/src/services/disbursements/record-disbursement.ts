import {
  allocations,
  type DbOrTx,
  disbursements,
  fundingLines,
  type Grant,
  programmes,
  scheduledPayments,
  type Tx,
} from "@portal/db";
import { convertToCad, fiscalYearLabel, paymentTransitionFor, type RecordDisbursementData } from "@portal/domain";
import { and, asc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { DomainError } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { money } from "../messages";
import { assertPaymentAllowed, loadPaymentFacts } from "../payments/payment-rules";
import { todayInOttawa } from "../today";
import { fiscalPeriodOf } from "./fiscal-period";
import { recordOnce } from "./idempotent-entry";
import { applyDisbursedDelta } from "./ledger-counters";
import { assertPaymentDate } from "./payment-window";

/** The grant's funding lines with what is left on each, in a stable order (fiscal year, programme, id). */
async function lockFundingLines(tx: Tx, grantId: string) {
  return tx
    .select({
      id: fundingLines.id,
      amount: fundingLines.amount,
      disbursed: fundingLines.disbursed,
      programme: programmes.code,
      fiscalYear: allocations.fiscalYear,
    })
    .from(fundingLines)
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(eq(fundingLines.grantId, grantId))
    .orderBy(asc(allocations.fiscalYear), asc(programmes.code), asc(fundingLines.id))
    .for("update", { of: fundingLines });
}

type LineWithRoom = Awaited<ReturnType<typeof lockFundingLines>>[number];
const lineName = (line: LineWithRoom) => `${line.programme} FY ${fiscalYearLabel(line.fiscalYear)}`;

/**
 * The CAD equivalent of a payment. The one that completes the grant takes exactly the CAD still undisbursed, so the
 * rounding of earlier conversions never leaves a few cents committed but unpayable (or overpaid).
 */
function amountInCad(grant: Grant, amount: number, lines: readonly LineWithRoom[]): number {
  const completesGrant = amount === grant.totalAmount - grant.disbursed;
  if (!completesGrant) return convertToCad(amount, grant.currency, grant.exchangeRateToCad);
  return grant.totalAmountCad - lines.reduce((sum, line) => sum + line.disbursed, 0);
}

function pickLine(
  lines: readonly LineWithRoom[],
  amountCad: number,
  requestedId: string | null | undefined,
): LineWithRoom {
  const room = (line: LineWithRoom) => line.amount - line.disbursed;
  if (requestedId) {
    const line = lines.find((l) => l.id === requestedId);
    if (!line) throw new DomainError("VALIDATION", "Choose one of this grant's funding lines.", "fundingLineId");
    if (room(line) < amountCad) {
      throw new DomainError(
        "FUNDING_LINE_EXCEEDED",
        `Only ${money(room(line))} is left on the ${lineName(line)} funding line.`,
        "fundingLineId",
      );
    }
    return line;
  }
  const line = lines.find((l) => room(l) >= amountCad);
  if (!line) {
    throw new DomainError(
      "FUNDING_LINE_EXCEEDED",
      `No single funding line has ${money(amountCad)} left (${lines.map((l) => `${lineName(l)}: ${money(room(l))}`).join("; ")}). ` +
        "Record the payment in parts, one per funding line.",
      "amount",
    );
  }
  return line;
}

/**
 * Records money paid on a grant: never more than what remains, in one transaction with the grant locked, and at most
 * once per idempotency key (a retry returns the first row and writes nothing).
 */
export async function recordDisbursement(db: DbOrTx, actor: Actor, input: RecordDisbursementData) {
  requireCapability(actor, "disbursements.record");
  const isSameRequest = (row: { amount: number; paidOn: string; reference: string; reversesId: string | null }) =>
    row.reversesId === null &&
    row.amount === input.amount &&
    row.paidOn === input.paidOn &&
    row.reference === input.reference;

  return recordOnce(db, input, isSameRequest, async (tx, alreadyRecorded) => {
    const grant = await lockGrantOrThrow(tx, actor, input.grantId);
    const replayed = await alreadyRecorded();
    if (replayed) return replayed;

    // Every payment is an instalment approved by a second officer: an unscheduled one is requested first
    // (payments.requestUnscheduled), approved like any other, then paid here.
    if (!input.scheduledPaymentId) {
      throw new DomainError(
        "FOUR_EYES_REQUIRED",
        "Every payment needs a second officer's approval: request an unscheduled payment, have it approved, then pay it.",
        "scheduledPaymentId",
      );
    }
    const today = todayInOttawa();
    const payment = await lockPayableInstalment(tx, actor, grant, input.scheduledPaymentId, input.amount, today);
    assertPaymentDate(grant, input.paidOn, today);
    const remaining = grant.totalAmount - grant.disbursed;
    if (input.amount > remaining) {
      throw new DomainError(
        "DISBURSEMENT_EXCEEDS_REMAINING",
        `This payment of ${money(input.amount, grant.currency)} is more than the ${money(remaining, grant.currency)} that remains to be paid on this grant.`,
        "amount",
      );
    }
    const lines = await lockFundingLines(tx, grant.id);
    const amountCad = amountInCad(grant, input.amount, lines);
    const line = pickLine(lines, amountCad, input.fundingLineId);

    const [disbursement] = await tx
      .insert(disbursements)
      .values({
        grantId: grant.id,
        fundingLineId: line.id,
        scheduledPaymentId: payment.id,
        paidOn: input.paidOn,
        ...(await fiscalPeriodOf(tx, input.paidOn)),
        amount: input.amount,
        currency: grant.currency,
        amountCad,
        reference: input.reference,
        idempotencyKey: input.idempotencyKey,
        recordedById: actor.userId,
      })
      .returning();
    await applyDisbursedDelta(tx, grant, line.id, { amount: input.amount, amountCad });
    await tx
      .update(scheduledPayments)
      .set({ status: paymentTransitionFor("markPaid", payment.status)! })
      .where(eq(scheduledPayments.id, payment.id));
    await writeAudit(tx, actor, {
      action: "disbursement.record",
      entityType: AUDIT_ENTITY.disbursement,
      entityId: disbursement!.id,
      before: { scheduledPayment: { id: payment.id, status: payment.status } },
      after: { disbursement, scheduledPayment: { id: payment.id, status: "paid" } },
    });
    return { disbursement: disbursement!, replayed: false };
  });
}

/**
 * The instalment being paid: this grant's, payable now by the payment rule (approved by a second officer, grant
 * active or closing, its report accepted or waived), and paid in full by this disbursement.
 */
async function lockPayableInstalment(
  tx: Tx,
  actor: Actor,
  grant: Grant,
  paymentId: string,
  amount: number,
  today: string,
) {
  const [payment] = await tx
    .select()
    .from(scheduledPayments)
    .where(and(eq(scheduledPayments.id, paymentId), eq(scheduledPayments.grantId, grant.id)))
    .for("update");
  if (!payment)
    throw new DomainError("VALIDATION", "Choose one of this grant's scheduled payments.", "scheduledPaymentId");
  assertPaymentAllowed(actor, await loadPaymentFacts(tx, grant, payment, today), "pay");
  if (payment.amount !== amount) {
    throw new DomainError(
      "VALIDATION",
      `This instalment is ${money(payment.amount, grant.currency)}; record exactly that amount.`,
      "amount",
    );
  }
  return payment;
}
