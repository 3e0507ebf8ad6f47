import type { Tx } from "../client";
import {
  conferenceCoHosts,
  conferenceOrganisations,
  conferenceParticipants,
  conferences,
  conferenceSessions,
} from "../schema";
import { dollars } from "./amounts";
import { seedId } from "./ids";
import type { LedgerAdditions } from "./ledger";
import { organisationId, type OrganisationSlug } from "./organisations";
import { allocationId } from "./programmes";
import { insertNew, insertNewRows, type SeedProvenance, type Written } from "./write";

interface SessionDefinition {
  themeEn: string;
  themeFr: string;
  titleEn: string;
  titleFr: string;
}

interface ConferenceDefinition {
  slug: string;
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  city: string;
  countryCode: string;
  startsOn: string;
  endsOn: string;
  /** The ministry's direct cost on a MAPP allocation (in CAD); absent where the amount is not on record. */
  directCost?: { fiscalYear: number; amount: number };
  provenance: SeedProvenance;
  coHostStates: readonly string[];
  /** Every seeded session is illustrative (the source document's sentence on them is cut off). */
  sessions?: readonly SessionDefinition[];
  participants?: readonly { iso2: string; provenance: SeedProvenance }[];
  /** Organisations that took part: illustrative (no attendance list is on record). */
  organisations?: readonly { slug: OrganisationSlug; role: string }[];
}

/** ILLUSTRATIVE: the source document's sentence on Warsaw's working sessions is cut off, so these themes are ours. */
const WARSAW_SESSIONS: readonly SessionDefinition[] = [
  {
    themeEn: "Universalisation",
    themeFr: "Universalisation",
    titleEn: "Joining the Convention: steps and obstacles for signatories and non-party states",
    titleFr: "Adhérer à la Convention : étapes et obstacles pour les signataires et les États non parties",
  },
  {
    themeEn: "Stockpile destruction",
    themeFr: "Destruction des stocks",
    titleEn: "Destroying stockpiled AP mines: techniques, costs and assistance",
    titleFr: "Détruire les stocks de mines antipersonnel : techniques, coûts et assistance",
  },
  {
    themeEn: "Mine clearance",
    themeFr: "Déminage",
    titleEn: "Surveying, marking and clearing mined areas",
    titleFr: "Levés, marquage et déminage des zones minées",
  },
  {
    themeEn: "Victim assistance",
    themeFr: "Assistance aux victimes",
    titleEn: "Care, rehabilitation and reintegration of survivors",
    titleFr: "Soins, réadaptation et réintégration des survivants",
  },
  {
    themeEn: "Transparency",
    themeFr: "Transparence",
    titleEn: "Article 7 reporting for Eastern European and Baltic states",
    titleFr: "Rapports au titre de l'article 7 pour les États d'Europe de l'Est et les États baltes",
  },
];

/** ILLUSTRATIVE attendance, except the two co-hosts, which the source document names. */
const WARSAW_PARTICIPANTS: readonly {
  iso2: string;
  provenance: SeedProvenance;
}[] = [
  { iso2: "PL", provenance: "source-document" },
  { iso2: "CA", provenance: "source-document" },
  ...["BG", "BY", "CZ", "EE", "HU", "LT", "LV", "MD", "RO", "RU", "SK", "UA"].map((iso2) => ({
    iso2,
    provenance: "illustrative" as const,
  })),
];

/**
 * Regional events Canada co-organised (public record), with the co-host state where the record names one. Warsaw's
 * figures come from the source document.
 */
const CONFERENCES: readonly ConferenceDefinition[] = [
  {
    slug: "mexico-city-1999",
    titleEn: "Regional conference on landmines, Mexico City",
    titleFr: "Conférence régionale sur les mines terrestres, Mexico",
    descriptionEn: "Regional conference co-organised by Mexico and Canada.",
    descriptionFr: "Conférence régionale organisée conjointement par le Mexique et le Canada.",
    city: "Mexico City",
    countryCode: "MX",
    startsOn: "1999-01-11",
    endsOn: "1999-01-12",
    provenance: "public-record",
    coHostStates: ["CA", "MX"],
  },
  {
    slug: "buenos-aires-2000",
    titleEn: "Regional seminar on stockpile destruction in the Americas, Buenos Aires",
    titleFr: "Séminaire régional sur la destruction des stocks dans les Amériques, Buenos Aires",
    descriptionEn: "Regional seminar on stockpile destruction co-organised by Canada.",
    descriptionFr: "Séminaire régional sur la destruction des stocks organisé conjointement par le Canada.",
    city: "Buenos Aires",
    countryCode: "AR",
    startsOn: "2000-11-06",
    endsOn: "2000-11-07",
    provenance: "public-record",
    // Argentina's co-hosting is in the Landmine Monitor 2001 (Americas key developments).
    coHostStates: ["CA", "AR"],
  },
  {
    slug: "budapest-2001",
    titleEn: "Regional seminar on stockpile destruction, Budapest",
    titleFr: "Séminaire régional sur la destruction des stocks, Budapest",
    descriptionEn: "Regional seminar on stockpile destruction co-organised by Canada.",
    descriptionFr: "Séminaire régional sur la destruction des stocks organisé conjointement par le Canada.",
    city: "Budapest",
    countryCode: "HU",
    startsOn: "2001-02-01",
    endsOn: "2001-02-02",
    provenance: "public-record",
    coHostStates: ["CA"],
  },
  {
    slug: "bamako-2001",
    titleEn: "Regional conference on landmines, Bamako",
    titleFr: "Conférence régionale sur les mines terrestres, Bamako",
    descriptionEn: "Regional conference co-organised by Mali and Canada.",
    descriptionFr: "Conférence régionale organisée conjointement par le Mali et le Canada.",
    city: "Bamako",
    countryCode: "ML",
    startsOn: "2001-02-15",
    endsOn: "2001-02-16",
    provenance: "public-record",
    coHostStates: ["CA", "ML"],
  },
  {
    slug: "warsaw-2001",
    titleEn: "Seminar on implementing the Ottawa Convention in Eastern Europe and the Baltic states",
    titleFr: "Séminaire sur la mise en œuvre de la Convention d'Ottawa en Europe de l'Est et dans les États baltes",
    descriptionEn:
      "Seminar co-hosted by Poland and Canada on the challenges facing Eastern European countries and the Baltic states in implementing the Ottawa Convention. Poland took part as a signatory. Working sessions and attendance shown here are illustrative.",
    descriptionFr:
      "Séminaire organisé conjointement par la Pologne et le Canada sur les défis que pose la mise en œuvre de la Convention d'Ottawa aux pays d'Europe de l'Est et aux États baltes. La Pologne y participait en tant que signataire. Les séances de travail et la participation présentées ici sont illustratives.",
    city: "Warsaw",
    countryCode: "PL",
    startsOn: "2001-06-14",
    endsOn: "2001-06-15",
    // Paid directly from the partnership programme, not through a grant (a conference has one kind of funding).
    directCost: { fiscalYear: 2001, amount: dollars(40_803) },
    provenance: "source-document",
    coHostStates: ["PL", "CA"],
    sessions: WARSAW_SESSIONS,
    participants: WARSAW_PARTICIPANTS,
    // ILLUSTRATIVE: civil society attendance.
    organisations: [
      { slug: "icbl", role: "participant" },
      { slug: "mac", role: "participant" },
    ],
  },
  {
    slug: "bangkok-2002",
    titleEn: "Regional seminar on landmines, Bangkok",
    titleFr: "Séminaire régional sur les mines terrestres, Bangkok",
    descriptionEn: "Regional seminar co-organised by Thailand and Canada.",
    descriptionFr: "Séminaire régional organisé conjointement par la Thaïlande et le Canada.",
    city: "Bangkok",
    countryCode: "TH",
    startsOn: "2002-05-13",
    endsOn: "2002-05-15",
    provenance: "public-record",
    coHostStates: ["CA", "TH"],
  },
];

const conferenceId = (slug: string) => seedId(`conference:${slug}`);

function conferenceRow(definition: ConferenceDefinition): typeof conferences.$inferInsert & { id: string } {
  const { directCost } = definition;
  return {
    id: conferenceId(definition.slug),
    slug: definition.slug,
    titleEn: definition.titleEn,
    titleFr: definition.titleFr,
    descriptionEn: definition.descriptionEn,
    descriptionFr: definition.descriptionFr,
    city: definition.city,
    countryCode: definition.countryCode,
    startsOn: definition.startsOn,
    endsOn: definition.endsOn,
    grantId: null,
    allocationId: directCost ? allocationId("MAPP", directCost.fiscalYear) : null,
    directCost: directCost?.amount ?? null,
    currency: "CAD",
    provenance: definition.provenance,
  };
}

function coHostRows(definition: ConferenceDefinition): (typeof conferenceCoHosts.$inferInsert)[] {
  return definition.coHostStates.map((iso2) => ({
    id: seedId(`conference-co-host:${definition.slug}:${iso2}`),
    conferenceId: conferenceId(definition.slug),
    countryCode: iso2,
    organisationId: null,
    // The co-host states come with the event itself: named by the source document (Warsaw) or the public record.
    provenance: definition.provenance,
  }));
}

function sessionRows(definition: ConferenceDefinition): (typeof conferenceSessions.$inferInsert)[] {
  return (definition.sessions ?? []).map((session, index) => ({
    id: seedId(`conference-session:${definition.slug}:${index + 1}`),
    conferenceId: conferenceId(definition.slug),
    position: index + 1,
    ...session,
    provenance: "illustrative" as const,
  }));
}

function participantRows(definition: ConferenceDefinition): (typeof conferenceParticipants.$inferInsert)[] {
  return (definition.participants ?? []).map(({ iso2, provenance }) => ({
    conferenceId: conferenceId(definition.slug),
    countryCode: iso2,
    provenance,
  }));
}

function organisationRows(definition: ConferenceDefinition): (typeof conferenceOrganisations.$inferInsert)[] {
  return (definition.organisations ?? []).map(({ slug, role }) => ({
    conferenceId: conferenceId(definition.slug),
    organisationId: organisationId(slug),
    role,
    provenance: "illustrative" as const,
  }));
}

/** Like grants, a conference's details are written only with the conference itself, never added to an edited one. */
export async function seedConferences(
  tx: Tx,
  ledger: LedgerAdditions,
): Promise<{ written: Written; newConferenceIds: string[] }> {
  const inserted = await insertNewRows(tx, conferences, CONFERENCES.map(conferenceRow));
  const newIds = new Set(inserted.map((row) => row.id));
  const fresh = CONFERENCES.filter((definition) => newIds.has(conferenceId(definition.slug)));
  for (const row of inserted) {
    if (row.allocationId && row.directCost) ledger.addDirectCost(row.allocationId, row.directCost);
  }
  return {
    written: {
      conferences: inserted.length,
      conference_co_hosts: await insertNew(tx, conferenceCoHosts, fresh.flatMap(coHostRows)),
      conference_sessions: await insertNew(tx, conferenceSessions, fresh.flatMap(sessionRows)),
      conference_participants: await insertNew(tx, conferenceParticipants, fresh.flatMap(participantRows)),
      conference_organisations: await insertNew(tx, conferenceOrganisations, fresh.flatMap(organisationRows)),
    },
    newConferenceIds: [...newIds],
  };
}
