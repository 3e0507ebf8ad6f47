import { type DbOrTx, grants } from "@portal/db";
import type { GrantData } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { checkGrantDraft, grantColumns, rethrowReferenceTaken, writeGrantParts } from "./grant-draft";
import { grantSnapshot } from "./grant-snapshot";

/** A new draft grant with its components and funding lines; it commits nothing until it is approved. */
export async function createGrant(db: DbOrTx, actor: Actor, data: GrantData) {
  requireCapability(actor, "grants.manage");
  return db
    .transaction(async (tx) => {
      await checkGrantDraft(tx, data);
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
