import { allocations, type DbOrTx, fiscalYears, programmes } from "@portal/db";
import { fiscalYearLabel, type SetAllocationData } from "@portal/domain";
import { and, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../db-errors";
import { lockAllocationsOrThrow } from "./lock-allocations";
import { assertCoversCommitted, moveAllocation } from "./movements";

/**
 * Sets a programme's allocation for an open fiscal year, with a reason: creates it (an opening movement) or raises
 * or lowers it (an adjustment), never below what is committed on it. Only programmes without sub-programmes hold
 * allocations; a parent's figures are the sums of its children's.
 */
export async function setAllocation(db: DbOrTx, actor: Actor, data: SetAllocationData) {
  requireCapability(actor, "budgets.manage");
  try {
    return await db.transaction(async (tx) => {
      const [programme] = await tx.select().from(programmes).where(eq(programmes.id, data.programmeId));
      if (!programme) throw refusal("NOT_FOUND", "noSuchProgramme");
      const [child] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.parentId, programme.id))
        .limit(1);
      if (child) {
        throw refusal("VALIDATION", "programmeHoldsSubprogrammes", { programme: programme.code }, "programmeId");
      }
      const [year] = await tx.select().from(fiscalYears).where(eq(fiscalYears.startYear, data.fiscalYear));
      if (!year) {
        throw refusal(
          "VALIDATION",
          "fiscalYearNotOpen",
          { fiscalYear: fiscalYearLabel(data.fiscalYear) },
          "fiscalYear",
        );
      }
      const [existing] = await tx
        .select({ id: allocations.id })
        .from(allocations)
        .where(and(eq(allocations.programmeId, programme.id), eq(allocations.fiscalYear, data.fiscalYear)));

      if (!existing) {
        const [created] = await tx
          .insert(allocations)
          .values({ programmeId: programme.id, fiscalYear: data.fiscalYear, amount: data.amount })
          .returning();
        const movement = await moveAllocation(
          tx,
          actor,
          { id: created!.id, amount: 0 },
          data.amount,
          "opening",
          data.reason,
        );
        await writeAudit(tx, actor, {
          action: "allocation.open",
          entityType: AUDIT_ENTITY.allocation,
          entityId: created!.id,
          before: null,
          after: { ...created, reason: data.reason, movementId: movement.id },
        });
        return { ...created!, movement };
      }

      const [allocation] = await lockAllocationsOrThrow(tx, [existing.id]);
      assertCoversCommitted(allocation!, data.amount);
      const movement = await moveAllocation(tx, actor, allocation!, data.amount, "adjustment", data.reason);
      await writeAudit(tx, actor, {
        action: "allocation.adjust",
        entityType: AUDIT_ENTITY.allocation,
        entityId: allocation!.id,
        before: { amount: allocation!.amount, committed: allocation!.committed },
        after: { amount: data.amount, committed: allocation!.committed, reason: data.reason, movementId: movement.id },
      });
      const [updated] = await tx.select().from(allocations).where(eq(allocations.id, allocation!.id));
      return { ...updated!, movement };
    });
  } catch (error) {
    // Two admins opening the same allocation at once: the unique (programme, year) lets one through.
    if (isUniqueViolation(error, "allocations_programme_year_unique")) {
      throw refusal("CONFLICT", "allocationJustCreated");
    }
    throw error;
  }
}
