import {
  allocations,
  conferenceCoHosts,
  conferenceDocuments,
  conferenceOrganisations,
  conferenceOutcomes,
  conferenceParticipants,
  conferences,
  conferenceSessions,
  countries,
  type DbOrTx,
  grants,
  organisations,
  programmes,
} from "@portal/db";
import { can, fiscalYearOf } from "@portal/domain";
import { and, asc, eq } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";
import { visibleConferences } from "./conference-scope";
import { standingsAt } from "./participant-standings";

const organisationColumns = {
  id: organisations.id,
  acronym: organisations.acronym,
  nameEn: organisations.legalNameEn,
  nameFr: organisations.legalNameFr,
};

/** How the ministry paid: staff only (a partner sees the conference, not the ministry's budget lines). */
async function fundingOf(db: DbOrTx, conference: typeof conferences.$inferSelect) {
  if (conference.grantId) {
    const [grant] = await db
      .select({
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        totalAmount: grants.totalAmount,
        currency: grants.currency,
        status: grants.status,
        recipient: organisationColumns,
      })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(eq(grants.id, conference.grantId));
    return grant ? { kind: "grant" as const, grant } : { kind: "none" as const };
  }
  if (conference.allocationId && conference.directCost) {
    const [allocation] = await db
      .select({
        id: allocations.id,
        fiscalYear: allocations.fiscalYear,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(allocations.id, conference.allocationId));
    return {
      kind: "direct" as const,
      amount: conference.directCost,
      currency: conference.currency,
      allocation: allocation!,
    };
  }
  return { kind: "none" as const };
}

/**
 * A conference with everything its page shows: co-hosts, sessions, participating states with their treaty standing
 * on the start date, organisations, outcomes, documents, the outcome measure and (for staff) its funding. NOT_FOUND
 * when it does not exist or the actor may not see it.
 */
export async function getConferenceOrThrow(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      conference: conferences,
      country: { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr },
    })
    .from(conferences)
    .innerJoin(countries, eq(countries.iso2, conferences.countryCode))
    .where(and(eq(conferences.id, id), visibleConferences(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchConference");
  const { conference } = row;

  const [hostRows, sessions, participantRows, organisationRows, outcomes, documents] = await Promise.all([
    db
      .select({
        id: conferenceCoHosts.id,
        countryCode: conferenceCoHosts.countryCode,
        organisation: organisationColumns,
        provenance: conferenceCoHosts.provenance,
      })
      .from(conferenceCoHosts)
      .leftJoin(organisations, eq(organisations.id, conferenceCoHosts.organisationId))
      .where(eq(conferenceCoHosts.conferenceId, id)),
    db
      .select()
      .from(conferenceSessions)
      .where(eq(conferenceSessions.conferenceId, id))
      .orderBy(asc(conferenceSessions.position)),
    db
      .select({ iso2: conferenceParticipants.countryCode, provenance: conferenceParticipants.provenance })
      .from(conferenceParticipants)
      .where(eq(conferenceParticipants.conferenceId, id)),
    db
      .select({
        ...organisationColumns,
        role: conferenceOrganisations.role,
        provenance: conferenceOrganisations.provenance,
      })
      .from(conferenceOrganisations)
      .innerJoin(organisations, eq(organisations.id, conferenceOrganisations.organisationId))
      .where(eq(conferenceOrganisations.conferenceId, id))
      .orderBy(asc(organisations.legalNameEn)),
    db
      .select()
      .from(conferenceOutcomes)
      .where(eq(conferenceOutcomes.conferenceId, id))
      .orderBy(asc(conferenceOutcomes.position), asc(conferenceOutcomes.createdAt)),
    db
      .select({ id: conferenceDocuments.id, title: conferenceDocuments.title, url: conferenceDocuments.url })
      .from(conferenceDocuments)
      .where(eq(conferenceDocuments.conferenceId, id))
      .orderBy(asc(conferenceDocuments.position), asc(conferenceDocuments.createdAt)),
  ]);

  const hostStates = hostRows.flatMap((h) => (h.countryCode ? [h.countryCode] : []));
  const { state, outcome } = await standingsAt(
    db,
    conference.startsOn,
    participantRows.map((p) => p.iso2),
    hostStates,
  );
  const hostSet = new Set(hostStates);
  const byName = <T extends { nameEn: string }>(a: T, b: T) => a.nameEn.localeCompare(b.nameEn);

  const staff = seesAllGrants(actor);
  return {
    ...conference,
    country: row.country,
    fiscalYear: fiscalYearOf(conference.startsOn),
    coHosts: hostRows
      .map((h) =>
        h.countryCode
          ? {
              kind: "state" as const,
              id: h.id,
              provenance: h.provenance,
              state: state(h.countryCode),
              organisation: null,
            }
          : {
              kind: "organisation" as const,
              id: h.id,
              provenance: h.provenance,
              state: null,
              organisation: h.organisation!,
            },
      )
      // States first, then organisations, each by name (the table keeps no order of its own).
      .sort((a, b) =>
        a.kind !== b.kind
          ? a.kind === "state"
            ? -1
            : 1
          : (a.state?.nameEn ?? a.organisation?.nameEn ?? "").localeCompare(
              b.state?.nameEn ?? b.organisation?.nameEn ?? "",
            ),
      ),
    sessions,
    participants: participantRows
      .map((p) => ({ ...state(p.iso2), provenance: p.provenance, coHost: hostSet.has(p.iso2) }))
      .sort(byName),
    organisations: organisationRows,
    outcomes,
    documents,
    outcome: {
      ...outcome,
      /**
       * What the outcome card can say: nothing without participating states, that all were parties already, or how
       * many of those not yet parties joined within the window.
       */
      measure:
        participantRows.length === 0
          ? ("noStates" as const)
          : outcome.notYetParties.length === 0
            ? ("allParties" as const)
            : ("joinedWithinWindow" as const),
    },
    funding: staff ? await fundingOf(db, conference) : null,
    permissions: {
      edit: can(actor.role, "conferences.manage"),
      auditTrail: staff,
    },
  };
}
