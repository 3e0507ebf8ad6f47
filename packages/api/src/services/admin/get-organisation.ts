import { countries, type DbOrTx, grants, memberships, organisations, users } from "@portal/db";
import { asc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";

/** One organisation with its country's names, its members (users and capabilities) and its grants. */
export async function getOrganisationForAdmin(db: DbOrTx, actor: Actor, id: string) {
  requireCapability(actor, "organisations.manage");
  const [organisation] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      legalNameEn: organisations.legalNameEn,
      legalNameFr: organisations.legalNameFr,
      acronym: organisations.acronym,
      iatiType: organisations.iatiType,
      countryCode: organisations.countryCode,
      countryNameEn: countries.nameEn,
      countryNameFr: countries.nameFr,
      website: organisations.website,
      provenance: organisations.provenance,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .leftJoin(countries, eq(countries.iso2, organisations.countryCode))
    .where(eq(organisations.id, id));
  if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation");
  const [members, grantRows] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
        capabilities: memberships.capabilities,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, id))
      .orderBy(asc(users.name)),
    db
      .select({
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        totalAmount: grants.totalAmount,
        currency: grants.currency,
        status: grants.status,
      })
      .from(grants)
      .where(eq(grants.recipientId, id))
      .orderBy(asc(grants.reference)),
  ]);
  return { ...organisation, members, grants: grantRows };
}
