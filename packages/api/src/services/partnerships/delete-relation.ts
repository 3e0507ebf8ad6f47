import { type DbOrTx, organisationRelations } from "@portal/db";
import { deleteRelationInput } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { requirePartnershipManager } from "./partnership-access";
import { lockRelationOrThrow, relationSnapshot } from "./relation-helpers";
import { parseInput } from "../../parse-input";

/** Removes a link; the audit event keeps what it was. */
export async function deleteRelation(db: DbOrTx, actor: Actor, input: { id: string }) {
  requirePartnershipManager(actor);
  const { id } = parseInput(deleteRelationInput, input);
  return db.transaction(async (tx) => {
    const before = await lockRelationOrThrow(tx, id);
    await tx.delete(organisationRelations).where(eq(organisationRelations.id, id));
    await writeAudit(tx, actor, {
      action: "organisation_relation.delete",
      entityType: AUDIT_ENTITY.relation,
      entityId: id,
      before: relationSnapshot(before),
      after: null,
    });
    return { id };
  });
}
