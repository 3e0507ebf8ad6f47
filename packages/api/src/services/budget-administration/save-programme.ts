import { type DbOrTx, programmes } from "@portal/db";
import type { ProgrammeData, UpdateProgrammeData } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { isUniqueViolation } from "../db-errors";
import { assertValidParent } from "./programme-rules";

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error, "programmes_code_unique")) {
    throw refusal("CONFLICT", "programmeCodeTaken", {}, "code");
  }
  throw error;
}

export async function createProgramme(db: DbOrTx, actor: Actor, data: ProgrammeData) {
  requireCapability(actor, "budgets.manage");
  try {
    return await db.transaction(async (tx) => {
      await assertValidParent(tx, data.parentId);
      const [created] = await tx.insert(programmes).values(data).returning();
      await writeAudit(tx, actor, {
        action: "programme.create",
        entityType: AUDIT_ENTITY.programme,
        entityId: created!.id,
        before: null,
        after: created,
      });
      return created!;
    });
  } catch (error) {
    codeTaken(error);
  }
}

export async function updateProgramme(db: DbOrTx, actor: Actor, { id, data }: UpdateProgrammeData) {
  requireCapability(actor, "budgets.manage");
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(programmes).where(eq(programmes.id, id)).for("update");
      if (!before) throw refusal("NOT_FOUND", "noSuchProgramme");
      await assertValidParent(tx, data.parentId, id);
      const [updated] = await tx.update(programmes).set(data).where(eq(programmes.id, id)).returning();
      await writeAudit(tx, actor, {
        action: "programme.update",
        entityType: AUDIT_ENTITY.programme,
        entityId: id,
        before,
        after: updated,
      });
      return updated!;
    });
  } catch (error) {
    codeTaken(error);
  }
}
