import { type DbOrTx, organisations } from "@portal/db";
import { type Actor, requireCapability } from "../../actor";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import type { OrganisationData } from "./inputs";
import { assertCountry, freeSlug, organisationSnapshot as snapshot, slugFor } from "./organisation-parts";

/** A new organisation; its slug is made from the acronym or English name. */
export async function createOrganisation(db: DbOrTx, actor: Actor, data: OrganisationData) {
  requireCapability(actor, "organisations.manage");
  return db.transaction(async (tx) => {
    await assertCountry(tx, data.countryCode);
    const [created] = await tx
      .insert(organisations)
      .values({ ...data, slug: await freeSlug(tx, slugFor(data)), provenance: "entered" })
      .returning({ id: organisations.id });
    await writeAudit(tx, actor, {
      action: "organisation.create",
      entityType: AUDIT_ENTITY.organisation,
      entityId: created!.id,
      before: null,
      after: await snapshot(tx, created!.id),
    });
    return { id: created!.id };
  });
}
