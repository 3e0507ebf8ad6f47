import { allocations, type DbOrTx, fundingLines, type Grant, programmes } from "@portal/db";
import { fiscalYearLabel, type GrantStatus, param } from "@portal/domain";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { refusal } from "../../errors";

/** committed_amount(status, amount, disbursed): THE definition of committed (migration 0002_ledger_views). */
export function committedAmount(status: unknown, amount: unknown, disbursed: unknown): SQL<number> {
  return sql<number>`committed_amount(${status}::grant_status, ${amount}::bigint, ${disbursed}::bigint)`.mapWith(
    Number,
  );
}

export interface CommitmentChange {
  allocationId: string;
  programme: string;
  fiscalYear: number;
  delta: number;
}

/**
 * Moves the grant's commitments on its allocations from what status `from` commits to what `to` commits (approve adds
 * every funding line, cancel from approved takes it back, terminate and close give back the undisbursed part).
 *
 * The allocation rows are locked in id order before anything is read, so concurrent approvals drawing on the same
 * allocations queue up instead of deadlocking, and each one checks the available amount as the previous one left it.
 */
export async function moveCommitments(tx: DbOrTx, grant: Grant, to: GrantStatus): Promise<CommitmentChange[]> {
  const ofThisGrant = and(eq(fundingLines.grantId, grant.id), eq(fundingLines.allocationId, allocations.id));
  const delta = sql<number>`(select coalesce(sum(${committedAmount(to, fundingLines.amount, fundingLines.disbursed)}
      - ${committedAmount(grant.status, fundingLines.amount, fundingLines.disbursed)}), 0)
      from ${fundingLines} where ${ofThisGrant})`.mapWith(Number);
  const rows = await tx
    .select({
      id: allocations.id,
      amount: allocations.amount,
      committed: allocations.committed,
      fiscalYear: allocations.fiscalYear,
      programme: programmes.code,
      delta,
    })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(
      inArray(
        allocations.id,
        tx.select({ id: fundingLines.allocationId }).from(fundingLines).where(eq(fundingLines.grantId, grant.id)),
      ),
    )
    .orderBy(asc(allocations.id))
    .for("update", { of: allocations });

  const changes: CommitmentChange[] = [];
  for (const row of rows) {
    if (row.delta === 0) continue;
    const available = row.amount - row.committed;
    if (row.delta > available) {
      throw refusal("ALLOCATION_EXCEEDED", "allocationExceededByGrant", {
        programme: row.programme,
        fiscalYear: fiscalYearLabel(row.fiscalYear),
        available: param.money(available),
        needed: param.money(row.delta),
      });
    }
    await tx
      .update(allocations)
      .set({ committed: sql`${allocations.committed} + ${row.delta}` })
      .where(eq(allocations.id, row.id));
    changes.push({ allocationId: row.id, programme: row.programme, fiscalYear: row.fiscalYear, delta: row.delta });
  }
  return changes;
}
