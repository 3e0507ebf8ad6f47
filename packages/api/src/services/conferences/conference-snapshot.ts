import {
  conferenceCoHosts,
  conferenceDocuments,
  conferenceOrganisations,
  conferenceOutcomes,
  conferenceParticipants,
  conferences,
  conferenceSessions,
  type DbOrTx,
} from "@portal/db";
import { asc, eq } from "drizzle-orm";

/** A conference and its parts as the audit log records them (before and after a change). */
export async function conferenceSnapshot(tx: DbOrTx, id: string) {
  const [[conference], coHosts, sessions, participants, organisations, outcomes, documents] = await Promise.all([
    tx.select().from(conferences).where(eq(conferences.id, id)),
    tx
      .select({ countryCode: conferenceCoHosts.countryCode, organisationId: conferenceCoHosts.organisationId })
      .from(conferenceCoHosts)
      .where(eq(conferenceCoHosts.conferenceId, id))
      .orderBy(asc(conferenceCoHosts.countryCode), asc(conferenceCoHosts.organisationId)),
    tx
      .select({
        themeEn: conferenceSessions.themeEn,
        themeFr: conferenceSessions.themeFr,
        titleEn: conferenceSessions.titleEn,
        titleFr: conferenceSessions.titleFr,
      })
      .from(conferenceSessions)
      .where(eq(conferenceSessions.conferenceId, id))
      .orderBy(asc(conferenceSessions.position)),
    tx
      .select({ countryCode: conferenceParticipants.countryCode })
      .from(conferenceParticipants)
      .where(eq(conferenceParticipants.conferenceId, id))
      .orderBy(asc(conferenceParticipants.countryCode)),
    tx
      .select({ organisationId: conferenceOrganisations.organisationId, role: conferenceOrganisations.role })
      .from(conferenceOrganisations)
      .where(eq(conferenceOrganisations.conferenceId, id))
      .orderBy(asc(conferenceOrganisations.organisationId)),
    tx
      .select({ textEn: conferenceOutcomes.textEn, textFr: conferenceOutcomes.textFr })
      .from(conferenceOutcomes)
      .where(eq(conferenceOutcomes.conferenceId, id))
      .orderBy(asc(conferenceOutcomes.position), asc(conferenceOutcomes.createdAt)),
    tx
      .select({ title: conferenceDocuments.title, url: conferenceDocuments.url })
      .from(conferenceDocuments)
      .where(eq(conferenceDocuments.conferenceId, id))
      .orderBy(asc(conferenceDocuments.position), asc(conferenceDocuments.createdAt)),
  ]);
  if (!conference) return null;
  const { createdAt: _created, updatedAt: _updated, ...fields } = conference;
  return {
    ...fields,
    coHosts,
    sessions,
    participants: participants.map((p) => p.countryCode),
    organisations,
    outcomes,
    documents,
  };
}
