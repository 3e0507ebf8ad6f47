import { isIsoDate, parseMoney } from "@portal/domain";
import { z } from "zod";

/**
 * The ledger forms' schemas, in a module of their own: the forms load it (and zod with it) after the grant page has
 * hydrated (useLazySchema), so the page's first-load JavaScript carries no validator.
 */

/** A typed amount in the reader's locale, turned into minor units (or an error naming the field). */
export function typedAmount(locale: string, currency: string, message: string) {
  return z.string().transform((value, ctx) => {
    const cents = parseMoney(value, currency, locale);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });
}

interface AmountMessages {
  invalidDate: string;
  invalidAmount: string;
}

export function schedulePaymentSchema(locale: string, currency: string, m: AmountMessages) {
  return z.object({
    dueOn: z.string().refine(isIsoDate, { message: m.invalidDate }),
    amount: typedAmount(locale, currency, m.invalidAmount),
    descriptionEn: z.string().trim().max(500),
    descriptionFr: z.string().trim().max(500),
    requirementId: z.string(),
  });
}

export function unscheduledPaymentSchema(
  locale: string,
  currency: string,
  m: AmountMessages & { reasonRequired: string },
) {
  return z.object({
    dueOn: z.string().refine(isIsoDate, { message: m.invalidDate }),
    amount: typedAmount(locale, currency, m.invalidAmount),
    reason: z.string().trim().min(1, { message: m.reasonRequired }).max(500),
  });
}

export function disbursementSchema(
  locale: string,
  currency: string,
  m: AmountMessages & { referenceRequired: string },
) {
  return z.object({
    paidOn: z.string().refine(isIsoDate, { message: m.invalidDate }),
    amount: typedAmount(locale, currency, m.invalidAmount),
    reference: z.string().trim().min(1, { message: m.referenceRequired }),
    fundingLineId: z.string(),
  });
}

export type SchedulePaymentValues = z.input<ReturnType<typeof schedulePaymentSchema>>;
export type SchedulePayment = z.output<ReturnType<typeof schedulePaymentSchema>>;
export type UnscheduledPaymentValues = z.input<ReturnType<typeof unscheduledPaymentSchema>>;
export type UnscheduledPayment = z.output<ReturnType<typeof unscheduledPaymentSchema>>;
export type DisbursementValues = z.input<ReturnType<typeof disbursementSchema>>;
export type Disbursement = z.output<ReturnType<typeof disbursementSchema>>;
