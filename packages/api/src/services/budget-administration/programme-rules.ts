import { allocations, type DbOrTx, programmes } from "@portal/db";
import { eq } from "drizzle-orm";
import { refusal } from "../../errors";

/**
 * Programmes form a two-level tree: a fund (no parent) holds programmes that hold allocations. A parent must be a
 * top-level programme with no allocations of its own, so its figures are exactly the sums of its children's, and a
 * programme with sub-programmes cannot itself be put under another.
 */
export async function assertValidParent(tx: DbOrTx, parentId: string | null, programmeId?: string): Promise<void> {
  if (parentId === null) return;
  if (parentId === programmeId) {
    throw refusal("VALIDATION", "ownParent", {}, "parentId");
  }
  const [parent] = await tx.select().from(programmes).where(eq(programmes.id, parentId));
  if (!parent) throw refusal("VALIDATION", "chooseParent", {}, "parentId");
  if (parent.parentId !== null) {
    throw refusal("VALIDATION", "parentUnderAnother", { programme: parent.code }, "parentId");
  }
  const [allocated] = await tx
    .select({ id: allocations.id })
    .from(allocations)
    .where(eq(allocations.programmeId, parentId))
    .limit(1);
  if (allocated) {
    throw refusal("VALIDATION", "parentHoldsAllocations", { programme: parent.code }, "parentId");
  }
  if (programmeId) {
    const [child] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.parentId, programmeId))
      .limit(1);
    if (child) {
      throw refusal("VALIDATION", "programmeCannotMoveUnder", {}, "parentId");
    }
  }
}
