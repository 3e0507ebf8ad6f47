import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { allocations, fundingLines, grants } from "../schema";

/**
 * What the seed's new rows add to allocations' running totals. Only new rows count, so a second run adds nothing and
 * rows the portal has written since are never counted twice.
 */
export class LedgerAdditions {
  readonly fundingLineIds: string[] = [];
  private readonly directCosts = new Map<string, number>();

  addFundingLines(ids: readonly string[]): void {
    this.fundingLineIds.push(...ids);
  }

  addDirectCost(allocationId: string, amount: number): void {
    this.directCosts.set(allocationId, (this.directCosts.get(allocationId) ?? 0) + amount);
  }

  directCostEntries(): [string, number][] {
    return [...this.directCosts.entries()];
  }
}

/**
 * Committed comes from the database's committed_amount(status, amount, disbursed) (migration 0002, THE definition),
 * so the seed cannot drift from the ledger services: a submitted grant's lines commit nothing yet, a closed grant's
 * commit what was paid.
 */
async function addFundingLines(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const drawn = tx
    .select({
      allocationId: fundingLines.allocationId,
      committed:
        sql<number>`sum(committed_amount(${grants.status}, ${fundingLines.amount}, ${fundingLines.disbursed}))::bigint`.as(
          "committed",
        ),
      disbursed: sql<number>`sum(${fundingLines.disbursed})::bigint`.as("disbursed"),
    })
    .from(fundingLines)
    .innerJoin(grants, eq(grants.id, fundingLines.grantId))
    .where(inArray(fundingLines.id, [...ids]))
    .groupBy(fundingLines.allocationId)
    .as("drawn");
  await tx
    .update(allocations)
    .set({
      committed: sql`${allocations.committed} + "drawn"."committed"`,
      disbursed: sql`${allocations.disbursed} + "drawn"."disbursed"`,
    })
    .from(drawn)
    .where(eq(allocations.id, drawn.allocationId));
}

/** A conference's direct cost is committed and spent once charged (as the allocation_ledger view counts it). */
async function addDirectCosts(tx: Tx, entries: readonly [string, number][]): Promise<void> {
  for (const [allocationId, amount] of entries) {
    await tx
      .update(allocations)
      .set({
        committed: sql`${allocations.committed} + ${amount}`,
        disbursed: sql`${allocations.disbursed} + ${amount}`,
      })
      .where(eq(allocations.id, allocationId));
  }
}

/** Applied as the ledger services do it, so the CHECKs (disbursed <= committed <= amount) still guard the result. */
export async function applyLedgerAdditions(tx: Tx, additions: LedgerAdditions): Promise<void> {
  await addFundingLines(tx, additions.fundingLineIds);
  await addDirectCosts(tx, additions.directCostEntries());
}
