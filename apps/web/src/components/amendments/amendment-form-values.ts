import type { UseFormRegister } from "react-hook-form";

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

/** What a fieldset of the form needs from it: registration, ids and the message at a path. */
export interface AmendmentFieldsetProps {
  register: UseFormRegister<AmendmentFormValues>;
  fieldId: (name: string) => string;
  /** The message at a field's path, or at a group's ("components", "fundingLines") where the server puts sums. */
  errorAt: (path: string) => string | undefined;
}
