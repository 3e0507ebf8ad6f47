import { assertMinorUnits, sumMinor } from "@portal/domain";

/** Whole Canadian dollars to cents, so figures read as in the source document: dollars(484_744) === 48474400. */
export function dollars(whole: number, cents = 0): number {
  const amount = whole * 100 + cents;
  assertMinorUnits(amount);
  return amount;
}

/**
 * Splits a total into instalments by percentage (50/40/10...); the last takes the rounding remainder so the parts add
 * up exactly to the total.
 */
export function instalments(total: number, percentages: readonly number[]): number[] {
  // A grant without a schedule yet (a draft, or one awaiting approval) has no instalments.
  if (percentages.length === 0) return [];
  if (sumMinor(percentages) !== 100)
    throw new Error(`Instalment percentages must add up to 100: ${percentages.join("/")}`);
  const parts = percentages.slice(0, -1).map((percent) => Math.floor((total * percent) / 100));
  return [...parts, total - sumMinor(parts)];
}

/**
 * Shares an amount among buckets in proportion to their weights (largest remainder), so the shares are whole cents
 * and add up exactly to the amount.
 */
export function proportionalShares(amount: number, weights: readonly number[]): number[] {
  const totalWeight = sumMinor(weights);
  if (totalWeight <= 0) throw new Error("Cannot share an amount among zero weights");
  const exact = weights.map((weight) => (amount * weight) / totalWeight);
  const shares = exact.map(Math.floor);
  let remainder = amount - sumMinor(shares);
  const byFraction = exact
    .map((value, index) => ({ index, fraction: value - Math.floor(value) }))
    .sort((a, b) => b.fraction - a.fraction);
  for (const { index } of byFraction) {
    if (remainder === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    remainder -= 1;
  }
  return shares;
}
