import { type DbOrTx, grants } from "@portal/db";
import type { UpdateGrantData } from "@portal/domain";
import { eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { checkGrantDraft, grantColumns, rethrowReferenceTaken, writeGrantParts } from "./grant-draft";
import { assertAllocationsInScope } from "./grant-scope";
import { grantSnapshot } from "./grant-snapshot";
import { lockGrantOrThrow } from "./lock-grant";

/**
 * Saves an edited draft. `version` is the one the form was opened with: if anyone changed the grant since (an edit
 * or a transition), the save is refused rather than silently overwriting their change.
 */
export async function updateGrant(db: DbOrTx, actor: Actor, { id, version, data }: UpdateGrantData) {
  requireCapability(actor, "grants.manage");
  return db
    .transaction(async (tx) => {
      const grant = await lockGrantOrThrow(tx, actor, id);
      if (grant.status !== "draft") {
        throw refusal("GRANT_NOT_EDITABLE", "grantNotEditable", { status: grant.status });
      }
      if (grant.version !== version) {
        throw refusal("CONFLICT", "grantChangedMeanwhile", {}, "version");
      }
      await checkGrantDraft(tx, data, id);
      // The draft stays within the officer's programmes (the lock above checked the lines it had).
      await assertAllocationsInScope(
        tx,
        actor,
        data.fundingLines.map((line) => line.allocationId),
      );
      const before = await grantSnapshot(tx, id);
      const [updated] = await tx
        .update(grants)
        .set({ ...grantColumns(data), version: sql`${grants.version} + 1` })
        .where(eq(grants.id, id))
        .returning();
      await writeGrantParts(tx, id, data);
      await writeAudit(tx, actor, {
        action: "grant.update",
        entityType: AUDIT_ENTITY.grant,
        entityId: id,
        before,
        after: await grantSnapshot(tx, id),
      });
      return updated!;
    })
    .catch((error: unknown) => rethrowReferenceTaken(error, data.reference));
}
