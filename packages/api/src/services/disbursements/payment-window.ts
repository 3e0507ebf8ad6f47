import type { Grant } from "@portal/db";
import { addDays, DEFAULT_PAYMENT_GRACE_DAYS, param, paymentDateProblem } from "@portal/domain";
import { refusal } from "../../errors";

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
  const refuse = (key: "paymentDateInFuture" | "paymentDateBeforeStart" | "paymentDateAfterGrace", params = {}) =>
    refusal("PAYMENT_DATE_OUT_OF_RANGE", key, params, "paidOn");
  if (problem === "future") throw refuse("paymentDateInFuture", { today: param.date(today) });
  if (problem === "beforeStart") throw refuse("paymentDateBeforeStart", { startsOn: param.date(grant.startsOn) });
  const latest = addDays(grant.endsOn, graceDays);
  throw refuse("paymentDateAfterGrace", { endsOn: param.date(grant.endsOn), latest: param.date(latest), graceDays });
}
