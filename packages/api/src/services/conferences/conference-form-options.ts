import { allocations, countries, type DbOrTx, grants, organisations, programmes } from "@portal/db";
import { asc, desc, eq, ne } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/** What the officer's conference form chooses from: countries, organisations, grants and allocations. */
export async function conferenceFormOptions(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "conferences.manage");
  const [countryRows, organisationRows, grantRows, allocationRows] = await Promise.all([
    db
      .select({ iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr })
      .from(countries)
      .orderBy(asc(countries.nameEn)),
    db
      .select({
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      })
      .from(organisations)
      .orderBy(asc(organisations.legalNameEn)),
    db
      .select({
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        status: grants.status,
      })
      .from(grants)
      .where(ne(grants.status, "cancelled"))
      .orderBy(desc(grants.reference)),
    db
      .select({
        id: allocations.id,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
        fiscalYear: allocations.fiscalYear,
        amount: allocations.amount,
        committed: allocations.committed,
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .orderBy(desc(allocations.fiscalYear), asc(programmes.code)),
  ]);
  return {
    countries: countryRows,
    organisations: organisationRows,
    grants: grantRows,
    allocations: allocationRows.map((a) => ({ ...a, available: a.amount - a.committed })),
  };
}
