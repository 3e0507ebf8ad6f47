import { allocations, type DbOrTx, programmes } from "@portal/db";
import { asc, eq, inArray } from "drizzle-orm";
import { refusal } from "../../errors";

/**
 * Locks allocation rows in id order, the same order the ledger uses when it moves commitments (grants/commitments.ts),
 * so an adjustment or a transfer and a grant approval on the same allocations queue up instead of deadlocking, and
 * each sees what the other committed before it checks "never below what is committed".
 */
export async function lockAllocationsOrThrow(tx: DbOrTx, ids: readonly string[]) {
  const rows = await tx
    .select({
      id: allocations.id,
      amount: allocations.amount,
      committed: allocations.committed,
      disbursed: allocations.disbursed,
      fiscalYear: allocations.fiscalYear,
      programmeId: allocations.programmeId,
      programme: programmes.code,
    })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(inArray(allocations.id, [...ids]))
    .orderBy(asc(allocations.id))
    .for("update", { of: allocations });
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw refusal("NOT_FOUND", "noSuchAllocation");
    return row;
  });
}
