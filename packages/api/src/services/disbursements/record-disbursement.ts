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
import {
  convertToCad,
  fiscalYearLabel,
  formatAmount,
  paymentTransitionFor,
  type RecordDisbursementData,
  param,
  remainingToPay,
} from "@portal/domain";
import { and, asc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
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
const lineName = (line: LineWithRoom) =>
  param.names(
    `${line.programme} FY ${fiscalYearLabel(line.fiscalYear)}`,
    `${line.programme} exercice ${fiscalYearLabel(line.fiscalYear)}`,
  );
/** Each line with what is left on it, written in both languages (the list goes into one sentence). */
const roomList = (lines: readonly LineWithRoom[], room: (line: LineWithRoom) => number) => {
  const list = (locale: "en" | "fr") =>
    lines
      .map((l) => {
        const name = lineName(l) as { en: string; fr: string };
        return `${name[locale]}${locale === "fr" ? " : " : ": "}${formatAmount(room(l), "CAD", locale)}`;
      })
      .join(" ; ".slice(locale === "fr" ? 0 : 1));
  return param.names(list("en"), list("fr"));
};

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
    if (!line) throw refusal("VALIDATION", "chooseFundingLine", {}, "fundingLineId");
    if (room(line) < amountCad) {
      throw refusal(
        "FUNDING_LINE_EXCEEDED",
        "fundingLineRoom",
        { room: param.money(room(line)), line: lineName(line) },
        "fundingLineId",
      );
    }
    return line;
  }
  const line = lines.find((l) => room(l) >= amountCad);
  if (!line) {
    throw refusal(
      "FUNDING_LINE_EXCEEDED",
      "noSingleFundingLine",
      { amount: param.money(amountCad), lines: roomList(lines, room) },
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
      throw refusal("FOUR_EYES_REQUIRED", "paymentNeedsSecondOfficer", {}, "scheduledPaymentId");
    }
    const today = todayInOttawa();
    const payment = await lockPayableInstalment(tx, actor, grant, input.scheduledPaymentId, input.amount, today);
    assertPaymentDate(grant, input.paidOn, today);
    const remaining = remainingToPay(grant);
    if (input.amount > remaining) {
      throw refusal(
        "DISBURSEMENT_EXCEEDS_REMAINING",
        "disbursementExceedsRemaining",
        { amount: param.money(input.amount, grant.currency), remaining: param.money(remaining, grant.currency) },
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
  if (!payment) throw refusal("VALIDATION", "chooseScheduledPayment", {}, "scheduledPaymentId");
  assertPaymentAllowed(actor, await loadPaymentFacts(tx, grant, payment, today), "pay");
  if (payment.amount !== amount) {
    throw refusal(
      "VALIDATION",
      "instalmentExactAmount",
      { amount: param.money(payment.amount, grant.currency) },
      "amount",
    );
  }
  return payment;
}
