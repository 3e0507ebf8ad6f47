import { type DbOrTx, organisations } from "@portal/db";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import type { OrganisationData } from "./inputs";
import { assertCountry, organisationSnapshot as snapshot } from "./organisation-parts";

/** Edits an organisation's names, type, country and website (its slug stays, since links use it). */
export async function updateOrganisation(db: DbOrTx, actor: Actor, input: { id: string; data: OrganisationData }) {
  requireCapability(actor, "organisations.manage");
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.id))
      .for("update");
    if (!locked) throw refusal("NOT_FOUND", "noSuchOrganisation");
    await assertCountry(tx, input.data.countryCode);
    const before = await snapshot(tx, input.id);
    await tx.update(organisations).set(input.data).where(eq(organisations.id, input.id));
    const after = await snapshot(tx, input.id);
    await writeAudit(tx, actor, {
      action: "organisation.update",
      entityType: AUDIT_ENTITY.organisation,
      entityId: input.id,
      before,
      after,
    });
    return { id: input.id };
  });
}
