import { z } from "zod";
import { MAX_MINOR_UNITS, isoDate, positiveMinorUnits, uuid } from "./common";
import { componentInput } from "./ledger";
import { requiredText } from "./text";

/** A funding line's or a component's new amount: 0 removes it (a line only if nothing was ever paid from it). */
const lineAmount = z
  .number({ error: "Enter an amount." })
  .int({ error: "Amounts are whole cents." })
  .min(0, { error: "The amount cannot be negative." })
  .max(MAX_MINOR_UNITS, { error: "The amount is too large." });

/**
 * What an officer proposes: only what changes. Components and instalments are named by id (their new amount or date;
 * a component at 0 is removed), and `newComponents` adds components; funding lines, when given, are the grant's whole
 * new split by allocation (a new allocation adds a line, 0 removes one). The rules that need the grant (never below
 * what is paid, sums, statuses) are the service's.
 */
export const proposeAmendmentInput = z
  .object({
    grantId: uuid,
    reason: requiredText(2000, "the reason for the amendment"),
    endsOn: isoDate.optional(),
    totalAmount: positiveMinorUnits.optional(),
    components: z
      .array(z.object({ id: uuid, amount: lineAmount }))
      .max(50)
      .optional(),
    newComponents: z.array(componentInput).max(50).optional(),
    fundingLines: z
      .array(z.object({ allocationId: uuid, amount: lineAmount }))
      .min(1)
      .max(20)
      .optional(),
    payments: z
      .array(z.object({ id: uuid, dueOn: isoDate.optional(), amount: positiveMinorUnits.optional() }))
      .max(100)
      .optional(),
    requirements: z
      .array(z.object({ id: uuid, dueOn: isoDate }))
      .max(50)
      .optional(),
  })
  .superRefine((input, ctx) => {
    const unique = (ids: readonly string[] | undefined, path: string, message: string) => {
      if (ids && new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: [path], message });
    };
    unique(
      input.components?.map((c) => c.id),
      "components",
      "Each component may appear only once.",
    );
    unique(
      input.fundingLines?.map((l) => l.allocationId),
      "fundingLines",
      "Each allocation may appear only once.",
    );
    unique(
      input.payments?.map((p) => p.id),
      "payments",
      "Each instalment may appear only once.",
    );
    unique(
      input.requirements?.map((r) => r.id),
      "requirements",
      "Each report may appear only once.",
    );
  });
export type ProposeAmendmentInput = z.input<typeof proposeAmendmentInput>;
export type ProposeAmendmentData = z.output<typeof proposeAmendmentInput>;

export const amendmentDecisionInput = z.object({
  id: uuid,
  /** Why it is rejected or withdrawn (kept in the history); not asked on approval. */
  reason: requiredText(2000, "a reason").optional(),
});
export type AmendmentDecisionData = z.output<typeof amendmentDecisionInput>;

export const grantAmendmentsInput = z.object({ grantId: uuid });
