import { type DbOrTx, type Disbursement, disbursements, type Tx } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { refusal } from "../../errors";
import { isUniqueViolation } from "../db-errors";

export interface LedgerEntryResult {
  disbursement: Disbursement;
  /** True when this was a retry of a request already recorded: nothing new was written. */
  replayed: boolean;
}

async function findByKey(db: DbOrTx, grantId: string, idempotencyKey: string): Promise<Disbursement | undefined> {
  const [row] = await db
    .select()
    .from(disbursements)
    .where(and(eq(disbursements.grantId, grantId), eq(disbursements.idempotencyKey, idempotencyKey)));
  return row;
}

function replay(existing: Disbursement, isSameRequest: (row: Disbursement) => boolean): LedgerEntryResult {
  if (!isSameRequest(existing)) {
    throw refusal("IDEMPOTENCY_KEY_REUSED", "idempotencyKeyReused", {}, "idempotencyKey");
  }
  return { disbursement: existing, replayed: true };
}

/**
 * Records a ledger entry at most once per (grant, idempotency key). `record` runs in a transaction and must take the
 * grant lock before calling `alreadyRecorded`: a retry waiting on the lock then finds the first request's row and
 * returns it. Should two requests still race to the insert, the unique index refuses the second (23505) and it too
 * returns the row that won. A key reused for a different entry is refused rather than silently answered.
 */
export async function recordOnce(
  db: DbOrTx,
  key: { grantId: string; idempotencyKey: string },
  isSameRequest: (row: Disbursement) => boolean,
  record: (tx: Tx, alreadyRecorded: () => Promise<LedgerEntryResult | null>) => Promise<LedgerEntryResult>,
): Promise<LedgerEntryResult> {
  try {
    return await db.transaction((tx) =>
      record(tx, async () => {
        const existing = await findByKey(tx, key.grantId, key.idempotencyKey);
        return existing ? replay(existing, isSameRequest) : null;
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error, "disbursements_idempotency_unique")) throw error;
    const existing = await findByKey(db, key.grantId, key.idempotencyKey);
    if (!existing) throw error;
    return replay(existing, isSameRequest);
  }
}
