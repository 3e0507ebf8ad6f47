import { allocationMovements, allocations, type DbOrTx } from "@portal/db";
import { fiscalYearLabel, param } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";

type Kind = (typeof allocationMovements.$inferInsert)["kind"];

/** The one refusal for lowering an allocation: it always covers what is already committed on it. */
export function assertCoversCommitted(
  allocation: { programme: string; fiscalYear: number; committed: number },
  amount: number,
  field = "amount",
): void {
  if (amount >= allocation.committed && amount > 0) return;
  throw refusal(
    "ALLOCATION_BELOW_COMMITTED",
    "allocationBelowCommitted",
    {
      programme: allocation.programme,
      fiscalYear: fiscalYearLabel(allocation.fiscalYear),
      committed: param.money(allocation.committed),
      amount: param.money(amount),
    },
    field,
  );
}

/** Sets an allocation's amount and records the movement with its reason, in the caller's transaction (rows locked). */
export async function moveAllocation(
  tx: DbOrTx,
  actor: Actor,
  allocation: { id: string; amount: number },
  amountAfter: number,
  kind: Kind,
  reason: string,
  transferId: string | null = null,
) {
  await tx.update(allocations).set({ amount: amountAfter }).where(eq(allocations.id, allocation.id));
  const [movement] = await tx
    .insert(allocationMovements)
    .values({
      allocationId: allocation.id,
      kind,
      amountBefore: allocation.amount,
      amountAfter,
      reason,
      transferId,
      createdById: actor.userId,
    })
    .returning();
  return movement!;
}
