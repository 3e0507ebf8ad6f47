import { type DbOrTx, grants } from "@portal/db";
import type { GrantData } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { checkGrantDraft, grantColumns, rethrowReferenceTaken, writeGrantParts } from "./grant-draft";
import { assertAllocationsInScope } from "./grant-scope";
import { grantSnapshot } from "./grant-snapshot";

/**
 * A new draft grant with its components and funding lines; it commits nothing until it is approved. An officer
 * creates grants only on allocations of their programmes.
 */
export async function createGrant(db: DbOrTx, actor: Actor, data: GrantData) {
  requireCapability(actor, "grants.manage");
  return db
    .transaction(async (tx) => {
      await checkGrantDraft(tx, data);
      await assertAllocationsInScope(
        tx,
        actor,
        data.fundingLines.map((line) => line.allocationId),
      );
      const [grant] = await tx
        .insert(grants)
        .values({ ...grantColumns(data), status: "draft", createdById: actor.userId })
        .returning();
      await writeGrantParts(tx, grant!.id, data);
      await writeAudit(tx, actor, {
        action: "grant.create",
        entityType: AUDIT_ENTITY.grant,
        entityId: grant!.id,
        before: null,
        after: await grantSnapshot(tx, grant!.id),
      });
      return grant!;
    })
    .catch((error: unknown) => rethrowReferenceTaken(error, data.reference));
}
