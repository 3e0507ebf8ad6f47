import { z } from "zod";
import { msg, validationMessage } from "./messages";
import { GRANT_ACTIONS, PAYMENT_USER_ACTIONS } from "../grant-lifecycle";
import { isCurrencyCode } from "../money";
import { isoDate, positiveMinorUnits, uuid, version } from "./common";
import { multiLine, optionalText, requiredLine, requiredText } from "./text";

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { ...msg("enterAThreeLetterIso4217Currency") });

/** CAD per unit of the grant's currency, as a decimal string (kept exact in a numeric column). */
export const exchangeRate = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, { ...msg("enterTheExchangeRateAsADecimal") })
  .refine((v) => Number(v) > 0, { ...msg("theExchangeRateMustBeMoreThan") });

export const componentInput = z.object({
  titleEn: requiredLine(200, "an English title"),
  titleFr: requiredLine(200, "a French title"),
  descriptionEn: optionalText(2000, "the description"),
  descriptionFr: optionalText(2000, "the description"),
  amount: positiveMinorUnits,
});

export const fundingLineInput = z.object({ allocationId: uuid, amount: positiveMinorUnits });

export const grantFields = z.object({
  reference: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, {
      ...msg("use3To40CapitalLettersDigits"),
    }),
  recipientId: uuid,
  titleEn: requiredLine(300, "an English title"),
  titleFr: requiredLine(300, "a French title"),
  purposeEn: optionalText(5000, "the purpose"),
  purposeFr: optionalText(5000, "the purpose"),
  currency: currency.default("CAD"),
  exchangeRateToCad: exchangeRate.default("1"),
  totalAmount: positiveMinorUnits,
  startsOn: isoDate,
  endsOn: isoDate,
  leadOfficerId: uuid.nullish(),
  components: z
    .array(componentInput)
    .min(1, { ...msg("addAtLeastOneComponent") })
    .max(50),
  fundingLines: z
    .array(fundingLineInput)
    .min(1, { ...msg("addAtLeastOneFundingLine") })
    .max(20),
});

/** Shape-level rules only (fields agree with one another); budget and state rules live in the services. */
function refineGrant(grant: z.infer<typeof grantFields>, ctx: z.RefinementCtx) {
  if (grant.endsOn < grant.startsOn)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: validationMessage("theEndDateMustBeOnOr") });
  if (grant.currency === "CAD" && Number(grant.exchangeRateToCad) !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["exchangeRateToCad"],
      message: validationMessage("aCadGrantHasAnExchangeRate"),
    });
  }
  const componentsTotal = grant.components.reduce((sum, c) => sum + c.amount, 0);
  if (componentsTotal !== grant.totalAmount) {
    ctx.addIssue({
      code: "custom",
      path: ["components"],
      message: validationMessage("theComponentsMustAddUpExactlyTo"),
    });
  }
  const allocations = grant.fundingLines.map((l) => l.allocationId);
  if (new Set(allocations).size !== allocations.length) {
    ctx.addIssue({
      code: "custom",
      path: ["fundingLines"],
      message: validationMessage("eachAllocationMayAppearOnlyOnce"),
    });
  }
}

export const createGrantInput = grantFields.superRefine(refineGrant);
export type CreateGrantInput = z.input<typeof createGrantInput>;

export const updateGrantInput = z.object({
  id: uuid,
  version,
  data: grantFields.superRefine(refineGrant),
});
export type UpdateGrantInput = z.input<typeof updateGrantInput>;

export const grantTransitionInput = z.object({
  id: uuid,
  action: z.enum(GRANT_ACTIONS as [string, ...string[]]).transform((a) => a as (typeof GRANT_ACTIONS)[number]),
  reason: multiLine(2000, "the reason").optional(),
});

export const schedulePaymentInput = z.object({
  grantId: uuid,
  dueOn: isoDate,
  amount: positiveMinorUnits,
  descriptionEn: optionalText(500, "the description"),
  descriptionFr: optionalText(500, "the description"),
  requirementId: uuid.nullish(),
});

/**
 * A payment outside the schedule: it becomes a due instalment that another officer approves before anyone pays it
 * (four eyes, like every instalment). The reason says what the money is for and is shown as its description.
 */
export const requestUnscheduledPaymentInput = z.object({
  grantId: uuid,
  amount: positiveMinorUnits,
  dueOn: isoDate,
  reason: requiredText(500, "what the payment is for"),
});

export const paymentActionInput = z.object({
  id: uuid,
  action: z.enum(PAYMENT_USER_ACTIONS),
});

/** Puts a grant's payments on hold while their report is overdue, and releases them once it is accepted or waived. */
export const refreshPaymentHoldsInput = z.object({ grantId: uuid });

/** Chosen by the form (a UUID); printable ASCII only, so it is safe in the unique index and the log. */
export const idempotencyKey = z
  .string({ ...msg("reloadThePageAndTryAgain") })
  .max(100, { ...msg("theIdempotencyKeyIsTooLong") })
  .regex(/^[\x21-\x7e]*$/, { ...msg("reloadThePageAndTryAgain") })
  .min(8, { ...msg("theIdempotencyKeyIsTooShort") });

export const recordDisbursementInput = z.object({
  grantId: uuid,
  paidOn: isoDate,
  amount: positiveMinorUnits,
  reference: requiredLine(100, "a payment reference"),
  idempotencyKey,
  fundingLineId: uuid.nullish(),
  scheduledPaymentId: uuid.nullish(),
});

export const reverseDisbursementInput = z.object({
  disbursementId: uuid,
  reason: requiredText(2000, "the reason for the reversal"),
  paidOn: isoDate,
  idempotencyKey,
});

export const addRequirementInput = z.object({
  grantId: uuid,
  kind: z.enum(["narrative", "financial"]),
  stage: z.enum(["interim", "final"]),
  dueOn: isoDate,
});

export const submitReportInput = z.object({ requirementId: uuid, body: requiredText(20000, "the report") });
export const reviewReportInput = z
  .object({
    requirementId: uuid,
    decision: z.enum(["accepted", "changes_requested"]),
    response: optionalText(5000, "the response"),
  })
  .superRefine((review, ctx) => {
    if (review.decision === "changes_requested" && review.response === "") {
      ctx.addIssue({ code: "custom", path: ["response"], message: validationMessage("tellThePartnerWhatToChange") });
    }
  });
export const waiveRequirementInput = z.object({
  requirementId: uuid,
  reason: requiredText(2000, "the reason for the waiver"),
});

export const grantAuditTrailInput = z.object({ id: uuid });

export const auditTrailInput = z.object({
  entityType: requiredLine(50, "the kind of record"),
  entityId: requiredLine(100, "the record"),
});

/** What the services receive: inputs after parsing (trimmed, defaults filled in). */
export type GrantData = z.output<typeof grantFields>;
export type UpdateGrantData = z.output<typeof updateGrantInput>;
export type GrantTransitionData = z.output<typeof grantTransitionInput>;
export type SchedulePaymentData = z.output<typeof schedulePaymentInput>;
export type PaymentActionData = z.output<typeof paymentActionInput>;
export type RequestUnscheduledPaymentData = z.output<typeof requestUnscheduledPaymentInput>;
export type RecordDisbursementData = z.output<typeof recordDisbursementInput>;
export type ReverseDisbursementData = z.output<typeof reverseDisbursementInput>;
export type AddRequirementData = z.output<typeof addRequirementInput>;
export type SubmitReportData = z.output<typeof submitReportInput>;
export type ReviewReportData = z.output<typeof reviewReportInput>;
export type WaiveRequirementData = z.output<typeof waiveRequirementInput>;
