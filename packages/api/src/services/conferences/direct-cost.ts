import { allocations, type DbOrTx, programmes } from "@portal/db";
import { fiscalYearLabel, param } from "@portal/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { refusal } from "../../errors";

/** A conference's direct cost as charged to one allocation (in CAD cents). */
export interface DirectCharge {
  allocationId: string;
  amount: number;
}

/**
 * Moves a conference's direct cost on the allocations it is charged to, from `before` (null for a new conference or
 * one that had none) to `after`. A direct cost is committed and spent at once, so both running totals move by it, as
 * the allocation_ledger view counts it (migration 0002).
 *
 * The allocations are locked in id order first (as the grant ledger does), and an increase is a conditional update
 * that only applies while the allocation still has the amount available, so two officers charging the last of an
 * allocation at once cannot both succeed; the CHECKs on allocations back this up.
 */
export async function moveDirectCost(tx: DbOrTx, before: DirectCharge | null, after: DirectCharge | null) {
  const deltas = new Map<string, number>();
  if (before) deltas.set(before.allocationId, (deltas.get(before.allocationId) ?? 0) - before.amount);
  if (after) deltas.set(after.allocationId, (deltas.get(after.allocationId) ?? 0) + after.amount);
  const ids = [...deltas.keys()].sort();
  if (ids.length === 0) return;
  const locked = await tx
    .select({ id: allocations.id, fiscalYear: allocations.fiscalYear, programme: programmes.code })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(inArray(allocations.id, ids))
    .orderBy(asc(allocations.id))
    .for("update", { of: allocations });
  for (const allocation of locked) {
    const delta = deltas.get(allocation.id) ?? 0;
    if (delta === 0) continue;
    const moved = await tx
      .update(allocations)
      .set({
        committed: sql`${allocations.committed} + ${delta}`,
        disbursed: sql`${allocations.disbursed} + ${delta}`,
      })
      .where(
        and(
          eq(allocations.id, allocation.id),
          delta > 0 ? sql`${allocations.amount} - ${allocations.committed} >= ${delta}` : undefined,
        ),
      )
      .returning({ id: allocations.id });
    if (moved.length === 0) {
      const [current] = await tx
        .select({ available: sql<number>`${allocations.amount} - ${allocations.committed}`.mapWith(Number) })
        .from(allocations)
        .where(eq(allocations.id, allocation.id));
      throw refusal(
        "ALLOCATION_EXCEEDED",
        "allocationExceededByConference",
        {
          programme: allocation.programme,
          fiscalYear: fiscalYearLabel(allocation.fiscalYear),
          available: param.money(current?.available ?? 0),
          needed: param.money(delta),
        },
        "directCost",
      );
    }
  }
}
