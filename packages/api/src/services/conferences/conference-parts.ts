import {
  conferenceCoHosts,
  conferenceDocuments,
  conferenceOrganisations,
  conferenceOutcomes,
  conferenceParticipants,
  conferenceSessions,
  type DbOrTx,
} from "@portal/db";
import type { ConferenceData } from "@portal/domain";
import { eq } from "drizzle-orm";

type Provenance = (typeof conferenceParticipants.provenance.enumValues)[number];

/** Old provenance by key, so a row an officer leaves as it was keeps its label (a seeded state stays illustrative). */
function provenanceBy<T extends { provenance: Provenance }>(rows: readonly T[], key: (row: T) => string) {
  const map = new Map(rows.map((row) => [key(row), row.provenance]));
  return (k: string): Provenance => map.get(k) ?? "entered";
}

const hostKey = (h: { countryCode?: string | null; organisationId?: string | null }) =>
  h.countryCode ? `state:${h.countryCode}` : `organisation:${h.organisationId ?? ""}`;
const sessionKey = (s: { themeEn: string; themeFr: string; titleEn: string; titleFr: string }) =>
  JSON.stringify([s.themeEn, s.themeFr, s.titleEn, s.titleFr]);
const outcomeKey = (o: { textEn: string; textFr: string }) => JSON.stringify([o.textEn, o.textFr]);

/**
 * Writes a conference's co-hosts, sessions, participants, organisations, outcomes and documents, replacing any it had.
 * Rows that are unchanged keep their provenance; new or changed rows are "entered".
 */
export async function writeConferenceParts(tx: DbOrTx, conferenceId: string, data: ConferenceData): Promise<void> {
  const [hosts, sessions, participants, organisations, outcomes] = await Promise.all([
    tx.select().from(conferenceCoHosts).where(eq(conferenceCoHosts.conferenceId, conferenceId)),
    tx.select().from(conferenceSessions).where(eq(conferenceSessions.conferenceId, conferenceId)),
    tx.select().from(conferenceParticipants).where(eq(conferenceParticipants.conferenceId, conferenceId)),
    tx.select().from(conferenceOrganisations).where(eq(conferenceOrganisations.conferenceId, conferenceId)),
    tx.select().from(conferenceOutcomes).where(eq(conferenceOutcomes.conferenceId, conferenceId)),
  ]);
  const hostProvenance = provenanceBy(hosts, hostKey);
  const sessionProvenance = provenanceBy(sessions, sessionKey);
  const participantProvenance = provenanceBy(participants, (p) => p.countryCode);
  const organisationProvenance = provenanceBy(organisations, (o) => o.organisationId);
  const organisationRole = new Map(organisations.map((o) => [o.organisationId, o.role]));
  const outcomeProvenance = provenanceBy(outcomes, outcomeKey);

  for (const table of [
    conferenceCoHosts,
    conferenceSessions,
    conferenceParticipants,
    conferenceOrganisations,
    conferenceOutcomes,
    conferenceDocuments,
  ]) {
    await tx.delete(table).where(eq(table.conferenceId, conferenceId));
  }

  if (data.coHosts.length > 0)
    await tx.insert(conferenceCoHosts).values(
      data.coHosts.map((host) => ({
        conferenceId,
        countryCode: host.countryCode ?? null,
        organisationId: host.countryCode ? null : (host.organisationId ?? null),
        provenance: hostProvenance(hostKey(host)),
      })),
    );
  if (data.sessions.length > 0)
    await tx.insert(conferenceSessions).values(
      data.sessions.map((session, index) => ({
        conferenceId,
        position: index + 1,
        ...session,
        provenance: sessionProvenance(sessionKey(session)),
      })),
    );
  if (data.participants.length > 0)
    await tx.insert(conferenceParticipants).values(
      data.participants.map((iso2) => ({
        conferenceId,
        countryCode: iso2,
        provenance: participantProvenance(iso2),
      })),
    );
  if (data.organisationIds.length > 0)
    await tx.insert(conferenceOrganisations).values(
      data.organisationIds.map((organisationId) => ({
        conferenceId,
        organisationId,
        role: organisationRole.get(organisationId) ?? "participant",
        provenance: organisationProvenance(organisationId),
      })),
    );
  if (data.outcomes.length > 0)
    await tx.insert(conferenceOutcomes).values(
      data.outcomes.map((outcome, index) => ({
        conferenceId,
        position: index + 1,
        ...outcome,
        provenance: outcomeProvenance(outcomeKey(outcome)),
      })),
    );
  if (data.documents.length > 0)
    await tx.insert(conferenceDocuments).values(
      data.documents.map((document, index) => ({
        conferenceId,
        position: index + 1,
        title: document.title,
        url: document.url,
      })),
    );
}
