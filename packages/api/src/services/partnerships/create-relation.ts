import { type DbOrTx, organisationRelations, organisations } from "@portal/db";
import { createRelationInput, type CreateRelationInput } from "@portal/domain";
import { inArray } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { requirePartnershipManager } from "./partnership-access";
import { relationSnapshot, rethrowDuplicateRelation } from "./relation-helpers";
import { parseInput } from "../../parse-input";

/** Links two organisations ("MAC member_of ICBL"), with one audit event. */
export async function createRelation(db: DbOrTx, actor: Actor, input: CreateRelationInput) {
  requirePartnershipManager(actor);
  const data = parseInput(createRelationInput, input);
  return db
    .transaction(async (tx) => {
      const known = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, [data.fromOrganisationId, data.toOrganisationId]));
      const ids = new Set(known.map((o) => o.id));
      if (!ids.has(data.fromOrganisationId))
        throw refusal("VALIDATION", "chooseOrganisation", {}, "fromOrganisationId");
      if (!ids.has(data.toOrganisationId)) throw refusal("VALIDATION", "chooseOrganisation", {}, "toOrganisationId");
      const [created] = await tx
        .insert(organisationRelations)
        .values({
          fromOrganisationId: data.fromOrganisationId,
          toOrganisationId: data.toOrganisationId,
          kind: data.kind,
          noteEn: data.noteEn || null,
          noteFr: data.noteFr || null,
          since: data.since ?? null,
          provenance: "entered",
        })
        .returning();
      await writeAudit(tx, actor, {
        action: "organisation_relation.create",
        entityType: AUDIT_ENTITY.relation,
        entityId: created!.id,
        before: null,
        after: relationSnapshot(created!),
      });
      return created!;
    })
    .catch(rethrowDuplicateRelation);
}
