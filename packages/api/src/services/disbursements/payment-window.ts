import type { Grant } from "@portal/db";
import { addDays, DEFAULT_PAYMENT_GRACE_DAYS, paymentDateProblem } from "@portal/domain";
import { DomainError } from "../../errors";

/**
 * Days after a grant's end in which a payment may still be dated: PORTAL_PAYMENT_GRACE_DAYS (0 to 730), else 90.
 * Read on each use so a test or an operator can change it without a rebuild; a malformed value is refused loudly
 * rather than silently replaced by the default.
 */
export function paymentGraceDays(value: string | undefined = process.env.PORTAL_PAYMENT_GRACE_DAYS): number {
  if (value === undefined || value.trim() === "") return DEFAULT_PAYMENT_GRACE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 730) {
    throw new Error(`PORTAL_PAYMENT_GRACE_DAYS must be a whole number of days from 0 to 730, not "${value}".`);
  }
  return days;
}

/** Refuses a payment date outside the grant's period (plus the grace after its end) or after today, on paidOn. */
export function assertPaymentDate(
  grant: Pick<Grant, "startsOn" | "endsOn">,
  paidOn: string,
  today: string,
  graceDays: number = paymentGraceDays(),
): void {
  const problem = paymentDateProblem(paidOn, grant, today, graceDays);
  if (!problem) return;
  const latest = addDays(grant.endsOn, graceDays);
  const message = {
    future: `A payment cannot be dated in the future (today is ${today}).`,
    beforeStart: `This grant starts on ${grant.startsOn}; a payment cannot be dated before it.`,
    afterGrace: `This grant ended on ${grant.endsOn}; payments may be dated up to ${latest} (${graceDays} days after its end), not later.`,
  }[problem];
  throw new DomainError("PAYMENT_DATE_OUT_OF_RANGE", message, "paidOn");
}
