import {
  conferenceCoHosts,
  conferenceOrganisations,
  countries,
  type DbOrTx,
  grants,
  organisations,
  partnerships,
} from "@portal/db";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { fundingByFiscalYear } from "./organisation-funding";
import { visibleOrganisations } from "./organisation-scope";

/**
 * The organisations an actor may see (all for staff, its own for a partner) with their partnership, how many grants
 * and conferences they have, and their funding over all fiscal years.
 */
export async function listOrganisations(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      acronym: organisations.acronym,
      nameEn: organisations.legalNameEn,
      nameFr: organisations.legalNameFr,
      iatiType: organisations.iatiType,
      isFunder: organisations.isFunder,
      provenance: organisations.provenance,
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
      partnership: { kind: partnerships.kind, since: partnerships.since, provenance: partnerships.provenance },
      grantCount: sql<number>`(select count(*)::int from ${grants} where ${grants.recipientId} = ${organisations.id})`,
      conferenceCount: sql<number>`(select count(distinct c.conference_id)::int from (
          select ${conferenceOrganisations.conferenceId} as conference_id from ${conferenceOrganisations}
            where ${conferenceOrganisations.organisationId} = ${organisations.id}
          union
          select ${conferenceCoHosts.conferenceId} from ${conferenceCoHosts}
            where ${conferenceCoHosts.organisationId} = ${organisations.id}) c)`,
    })
    .from(organisations)
    .leftJoin(countries, eq(countries.iso2, organisations.countryCode))
    .leftJoin(partnerships, eq(partnerships.organisationId, organisations.id))
    .where(visibleOrganisations(actor))
    .orderBy(asc(organisations.legalNameEn));
  const funding = await fundingByFiscalYear(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    funding: funding
      .filter((f) => f.organisationId === row.id)
      .reduce((sum, f) => ({ amount: sum.amount + f.amount, disbursed: sum.disbursed + f.disbursed }), {
        amount: 0,
        disbursed: 0,
      }),
  }));
}

/** A partner's own organisations (for "my organisation"); staff belong to none. */
export async function myOrganisations(db: DbOrTx, actor: Actor) {
  if (seesAllGrants(actor) || actor.organisationIds.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      acronym: organisations.acronym,
      nameEn: organisations.legalNameEn,
      nameFr: organisations.legalNameFr,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...actor.organisationIds]))
    .orderBy(asc(organisations.legalNameEn));
}
