import { type DbOrTx, organisationRelations } from "@portal/db";
import { updateRelationInput, type UpdateRelationInput } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { requirePartnershipManager } from "./partnership-access";
import { lockRelationOrThrow, relationSnapshot, rethrowDuplicateRelation } from "./relation-helpers";
import { parseInput } from "../../parse-input";

/** Changes a link's kind, notes or date, with one audit event. */
export async function updateRelation(db: DbOrTx, actor: Actor, input: UpdateRelationInput) {
  requirePartnershipManager(actor);
  const data = parseInput(updateRelationInput, input);
  return db
    .transaction(async (tx) => {
      const before = await lockRelationOrThrow(tx, data.id);
      const [updated] = await tx
        .update(organisationRelations)
        .set({ kind: data.kind, noteEn: data.noteEn || null, noteFr: data.noteFr || null, since: data.since ?? null })
        .where(eq(organisationRelations.id, data.id))
        .returning();
      await writeAudit(tx, actor, {
        action: "organisation_relation.update",
        entityType: AUDIT_ENTITY.relation,
        entityId: data.id,
        before: relationSnapshot(before),
        after: relationSnapshot(updated!),
      });
      return updated!;
    })
    .catch(rethrowDuplicateRelation);
}
