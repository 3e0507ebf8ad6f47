import type { Form } from "@portal/ui/use-form";

/** The proposal form's values: every figure as typed, starting at its current value. */
export interface AmendmentFormValues {
  endsOn: string;
  totalAmount: string;
  /** The grant's components, in order (0 removes one). */
  components: { amount: string }[];
  /** Components the amendment adds. */
  newComponents: { titleEn: string; titleFr: string; amount: string }[];
  /** The whole split: the grant's lines first (0 removes one), then lines on new allocations. */
  fundingLines: { allocationId: string; amount: string }[];
  payments: { dueOn: string; amount: string }[];
  requirements: { dueOn: string }[];
  reason: string;
  /** Where the server puts "this amendment changes nothing" and sums that do not add up. */
  changes?: string;
}

/** What a fieldset of the form needs from it: the form (its lists, registration and messages) and ids. */
export interface AmendmentFieldsetProps {
  /** Its `errorAt` also gives a group's message ("components", "fundingLines"), where the server puts sums. */
  form: Form<AmendmentFormValues>;
  fieldId: (name: string) => string;
}
