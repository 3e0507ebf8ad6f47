import { sumMinor, param } from "@portal/domain";
import { refusal } from "../../errors";

/**
 * The two sums every grant must meet before it goes anywhere: components add up to the total (in the grant's
 * currency) and funding lines add up to its CAD equivalent (allocations are CAD). Checked when a draft is saved and
 * again when it is submitted or approved, since a draft may have been saved before it had any.
 */
export function assertGrantAddsUp(grant: {
  totalAmount: number;
  currency: string;
  totalAmountCad: number;
  components: readonly { amount: number }[];
  fundingLines: readonly { amount: number }[];
}): void {
  const componentsTotal = sumMinor(grant.components.map((c) => c.amount));
  if (grant.components.length === 0 || componentsTotal !== grant.totalAmount) {
    throw grant.components.length === 0
      ? refusal("COMPONENTS_DO_NOT_ADD_UP", "componentsMissing", {}, "components")
      : refusal(
          "COMPONENTS_DO_NOT_ADD_UP",
          "componentsDoNotAddUp",
          { sum: param.money(componentsTotal, grant.currency), total: param.money(grant.totalAmount, grant.currency) },
          "components",
        );
  }
  const fundingTotal = sumMinor(grant.fundingLines.map((l) => l.amount));
  if (grant.fundingLines.length === 0 || fundingTotal !== grant.totalAmountCad) {
    throw grant.fundingLines.length === 0
      ? refusal("FUNDING_DOES_NOT_ADD_UP", "fundingLinesMissing", {}, "fundingLines")
      : refusal(
          "FUNDING_DOES_NOT_ADD_UP",
          "fundingDoesNotAddUp",
          { sum: param.money(fundingTotal), total: param.money(grant.totalAmountCad) },
          "fundingLines",
        );
  }
}
