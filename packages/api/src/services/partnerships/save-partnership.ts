import { type DbOrTx, organisations, partnerships } from "@portal/db";
import { savePartnershipInput, type SavePartnershipInput } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { requirePartnershipManager } from "./partnership-access";
import { parseInput } from "../../parse-input";

const snapshot = (row: typeof partnerships.$inferSelect) => {
  const { createdAt: _created, updatedAt: _updated, ...fields } = row;
  return fields;
};

/**
 * Creates the ministry's partnership with an organisation, or edits the one it has (one per organisation), with one
 * audit event either way. The ministry itself has no partnership with itself.
 */
export async function savePartnership(db: DbOrTx, actor: Actor, input: SavePartnershipInput) {
  requirePartnershipManager(actor);
  const data = parseInput(savePartnershipInput, input);
  return db.transaction(async (tx) => {
    // Locking the organisation serialises two officers creating its first partnership at once.
    const [organisation] = await tx
      .select({ id: organisations.id, isFunder: organisations.isFunder })
      .from(organisations)
      .where(eq(organisations.id, data.organisationId))
      .for("update");
    if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation");
    if (organisation.isFunder) throw refusal("VALIDATION", "noPartnershipWithItself", {}, "organisationId");
    const fields = {
      kind: data.kind,
      since: data.since ?? null,
      descriptionEn: data.descriptionEn,
      descriptionFr: data.descriptionFr,
    };
    const [existing] = await tx.select().from(partnerships).where(eq(partnerships.organisationId, data.organisationId));
    if (!existing) {
      const [created] = await tx
        .insert(partnerships)
        .values({ organisationId: data.organisationId, ...fields, provenance: "entered" })
        .returning();
      await writeAudit(tx, actor, {
        action: "partnership.create",
        entityType: AUDIT_ENTITY.partnership,
        entityId: created!.id,
        before: null,
        after: snapshot(created!),
      });
      return created!;
    }
    const [updated] = await tx.update(partnerships).set(fields).where(eq(partnerships.id, existing.id)).returning();
    await writeAudit(tx, actor, {
      action: "partnership.update",
      entityType: AUDIT_ENTITY.partnership,
      entityId: existing.id,
      before: snapshot(existing),
      after: snapshot(updated!),
    });
    return updated!;
  });
}
