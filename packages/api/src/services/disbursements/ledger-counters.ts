import { allocations, type DbOrTx, fundingLines, type Grant, grants } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { committedAmount } from "../grants/commitments";

/**
 * Keeps the three running totals in step with one disbursement (positive) or reversal (negative), in the caller's
 * transaction: grants.disbursed in the grant's currency, funding_lines.disbursed and allocations.disbursed in CAD.
 * A closed or terminated grant's commitment is what it paid (committed_amount), so a reversal there also gives the
 * commitment back; for other statuses the commitment does not move.
 */
export async function applyDisbursedDelta(
  tx: DbOrTx,
  grant: Pick<Grant, "id" | "status">,
  fundingLineId: string,
  delta: { amount: number; amountCad: number },
): Promise<void> {
  await tx
    .update(grants)
    .set({ disbursed: sql`${grants.disbursed} + ${delta.amount}` })
    .where(eq(grants.id, grant.id));
  const [line] = await tx
    .update(fundingLines)
    .set({ disbursed: sql`${fundingLines.disbursed} + ${delta.amountCad}` })
    .where(eq(fundingLines.id, fundingLineId))
    .returning({
      allocationId: fundingLines.allocationId,
      amount: fundingLines.amount,
      disbursed: fundingLines.disbursed,
    });
  const after = committedAmount(grant.status, line!.amount, line!.disbursed);
  const before = committedAmount(grant.status, line!.amount, line!.disbursed - delta.amountCad);
  await tx
    .update(allocations)
    .set({
      disbursed: sql`${allocations.disbursed} + ${delta.amountCad}`,
      committed: sql`${allocations.committed} + ${after} - ${before}`,
    })
    .where(eq(allocations.id, line!.allocationId));
}
