import type { DbOrTx } from "@portal/db";
import { fiscalYearLabel, type TransferAllocationData } from "@portal/domain";
import { randomUUID } from "node:crypto";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockAllocationsOrThrow } from "./lock-allocations";
import { assertCoversCommitted, moveAllocation } from "./movements";

/**
 * Moves budget from one allocation to another, with a reason: both rows locked (in id order), the source never below
 * what is committed on it, both sides recorded as movements sharing one transfer id, and the total unchanged.
 */
export async function transferAllocation(db: DbOrTx, actor: Actor, data: TransferAllocationData) {
  requireCapability(actor, "budgets.manage");
  return db.transaction(async (tx) => {
    const [from, to] = await lockAllocationsOrThrow(tx, [data.fromAllocationId, data.toAllocationId]);
    assertCoversCommitted(from!, from!.amount - data.amount);
    const transferId = randomUUID();
    const out = await moveAllocation(
      tx,
      actor,
      from!,
      from!.amount - data.amount,
      "transfer_out",
      data.reason,
      transferId,
    );
    const into = await moveAllocation(tx, actor, to!, to!.amount + data.amount, "transfer_in", data.reason, transferId);
    const side = (a: typeof from) => `${a!.programme} FY ${fiscalYearLabel(a!.fiscalYear)}`;
    await writeAudit(tx, actor, {
      action: "allocation.transfer",
      entityType: AUDIT_ENTITY.allocation,
      entityId: from!.id,
      before: {
        from: { id: from!.id, name: side(from), amount: from!.amount },
        to: { id: to!.id, name: side(to), amount: to!.amount },
      },
      after: {
        transferId,
        amount: data.amount,
        reason: data.reason,
        from: { id: from!.id, amount: out.amountAfter },
        to: { id: to!.id, amount: into.amountAfter },
      },
    });
    return { transferId, from: out, to: into };
  });
}
