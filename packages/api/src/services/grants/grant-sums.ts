import { sumMinor } from "@portal/domain";
import { DomainError } from "../../errors";
import { money } from "../messages";

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
    throw new DomainError(
      "COMPONENTS_DO_NOT_ADD_UP",
      grant.components.length === 0
        ? "Add at least one component."
        : `The components add up to ${money(componentsTotal, grant.currency)}, but the total is ${money(grant.totalAmount, grant.currency)}.`,
      "components",
    );
  }
  const fundingTotal = sumMinor(grant.fundingLines.map((l) => l.amount));
  if (grant.fundingLines.length === 0 || fundingTotal !== grant.totalAmountCad) {
    throw new DomainError(
      "FUNDING_DOES_NOT_ADD_UP",
      grant.fundingLines.length === 0
        ? "Add at least one funding line."
        : `The funding lines add up to ${money(fundingTotal)}, but the grant comes to ${money(grant.totalAmountCad)} in CAD.`,
      "fundingLines",
    );
  }
}
