import { countries, type DbOrTx, grants, organisationRelations, organisations, partnerships } from "@portal/db";
import { IATI_ORGANISATION_TYPES, type IatiOrganisationType } from "@portal/domain";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";
import { visibleGrants } from "../grants/grant-scope";
import { canManagePartnerships } from "../partnerships/partnership-access";
import { organisationConferences } from "./organisation-conferences";
import { fundingByFiscalYear } from "./organisation-funding";
import { visibleOrganisations } from "./organisation-scope";

/** Links from or to one organisation, with the organisation at the other end. */
async function linksOf(db: DbOrTx, id: string) {
  const other = alias(organisations, "other");
  const columns = {
    id: organisationRelations.id,
    kind: organisationRelations.kind,
    noteEn: organisationRelations.noteEn,
    noteFr: organisationRelations.noteFr,
    since: organisationRelations.since,
    provenance: organisationRelations.provenance,
    other: { id: other.id, acronym: other.acronym, nameEn: other.legalNameEn, nameFr: other.legalNameFr },
  };
  const [outgoing, incoming] = await Promise.all([
    db
      .select(columns)
      .from(organisationRelations)
      .innerJoin(other, eq(other.id, organisationRelations.toOrganisationId))
      .where(eq(organisationRelations.fromOrganisationId, id))
      .orderBy(asc(organisationRelations.kind), asc(other.legalNameEn)),
    db
      .select(columns)
      .from(organisationRelations)
      .innerJoin(other, eq(other.id, organisationRelations.fromOrganisationId))
      .where(eq(organisationRelations.toOrganisationId, id))
      .orderBy(asc(organisationRelations.kind), asc(other.legalNameEn)),
  ]);
  return {
    outgoing,
    incoming,
    /** Both directions as one list, as the page shows them: the organisation's own links first. */
    all: [
      ...outgoing.map((link) => ({ ...link, direction: "outgoing" as const })),
      ...incoming.map((link) => ({ ...link, direction: "incoming" as const })),
    ],
  };
}

/**
 * An organisation's page: who it is, its partnership with the ministry, its coalition links in both directions, its
 * grants and funding per fiscal year, and the conferences it took part in. NOT_FOUND when it does not exist or the
 * actor may not see it (a partner sees only its own organisation).
 */
export async function getOrganisationOrThrow(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      organisation: organisations,
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
    })
    .from(organisations)
    .leftJoin(countries, eq(countries.iso2, organisations.countryCode))
    .where(and(eq(organisations.id, id), visibleOrganisations(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchOrganisation");

  const [[partnership], links, grantRows, funding, conferenceRows] = await Promise.all([
    db.select().from(partnerships).where(eq(partnerships.organisationId, id)),
    linksOf(db, id),
    db
      .select({
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        status: grants.status,
        totalAmount: grants.totalAmount,
        currency: grants.currency,
        disbursed: grants.disbursed,
        startsOn: grants.startsOn,
        endsOn: grants.endsOn,
        provenance: grants.provenance,
      })
      .from(grants)
      .where(and(eq(grants.recipientId, id), visibleGrants(actor)))
      .orderBy(desc(grants.startsOn), asc(grants.reference)),
    fundingByFiscalYear(db, [id]),
    organisationConferences(db, actor, id),
  ]);
  const { createdAt: _created, updatedAt: _updated, ...organisation } = row.organisation;
  return {
    ...organisation,
    country: row.country,
    /** The IATI organisation type's name ("international-ngo"), null for a code IATI does not list. */
    iatiTypeName: IATI_ORGANISATION_TYPES[organisation.iatiType as IatiOrganisationType] ?? null,
    partnership: partnership ?? null,
    links,
    grants: grantRows,
    fundingByFiscalYear: funding.map(({ organisationId: _org, ...year }) => year),
    fundingTotal: funding.reduce(
      (sum, year) => ({ amount: sum.amount + year.amount, disbursed: sum.disbursed + year.disbursed }),
      { amount: 0, disbursed: 0 },
    ),
    conferences: conferenceRows,
    permissions: {
      /** Create or edit the partnership and the organisation's links. */
      managePartnership: canManagePartnerships(actor) && !organisation.isFunder,
      /** Open the page of an organisation at the other end of a link (staff see every organisation). */
      openLinkedOrganisations: seesAllGrants(actor),
    },
  };
}
