import { sql } from "drizzle-orm";
import { char, check, date, index, integer, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import { currencyCode, money, provenance, timestamps } from "./common";
import { grants } from "./grants";
import { organisations } from "./organisations";
import { allocations } from "./programmes";
import { countries } from "./treaty";

/**
 * A regional conference or seminar. The ministry's funding is either a grant (grantId) or a direct cost charged to a
 * programme allocation (directCost + allocationId); both count in that allocation's fiscal-year budget.
 */
export const conferences = pgTable(
  "conferences",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    titleEn: text().notNull(),
    titleFr: text().notNull(),
    descriptionEn: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    city: text().notNull(),
    countryCode: char({ length: 2 })
      .notNull()
      .references(() => countries.iso2),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    grantId: uuid().references(() => grants.id),
    allocationId: uuid().references(() => allocations.id),
    directCost: money("direct_cost"),
    currency: currencyCode().notNull().default("CAD"),
    /** Optimistic-concurrency version for edits made from a form. */
    version: integer().notNull().default(1),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    check("conferences_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      "conferences_direct_cost",
      sql`${t.directCost} is null or (${t.directCost} > 0 and ${t.allocationId} is not null)`,
    ),
    check("conferences_one_funding", sql`not (${t.grantId} is not null and ${t.directCost} is not null)`),
    index("conferences_country_idx").on(t.countryCode),
    index("conferences_grant_idx").on(t.grantId),
    index("conferences_allocation_idx").on(t.allocationId),
    index("conferences_starts_on_idx").on(t.startsOn),
  ],
);

/** A co-host is a state or an organisation, never both. */
export const conferenceCoHosts = pgTable(
  "conference_co_hosts",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    countryCode: char({ length: 2 }).references(() => countries.iso2),
    organisationId: uuid().references(() => organisations.id),
    provenance: provenance().notNull().default("entered"),
  },
  (t) => [
    check("conference_co_hosts_one_of", sql`(${t.countryCode} is null) <> (${t.organisationId} is null)`),
    unique("conference_co_hosts_unique").on(t.conferenceId, t.countryCode, t.organisationId).nullsNotDistinct(),
    // An organisation's page lists the conferences it co-hosted.
    index("conference_co_hosts_organisation_idx").on(t.organisationId),
    index("conference_co_hosts_country_idx").on(t.countryCode),
  ],
);

export const conferenceSessions = pgTable(
  "conference_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    themeEn: text().notNull().default(""),
    themeFr: text().notNull().default(""),
    titleEn: text().notNull(),
    titleFr: text().notNull(),
    provenance: provenance().notNull().default("entered"),
  },
  (t) => [unique("conference_sessions_position_unique").on(t.conferenceId, t.position)],
);

/** Participating states; their treaty status is computed as of the conference date, never stored here. */
export const conferenceParticipants = pgTable(
  "conference_participants",
  {
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    countryCode: char({ length: 2 })
      .notNull()
      .references(() => countries.iso2),
    provenance: provenance().notNull().default("entered"),
  },
  (t) => [
    unique("conference_participants_unique").on(t.conferenceId, t.countryCode),
    index("conference_participants_country_idx").on(t.countryCode),
  ],
);

/** Organisations that took part (so a partner sees the conferences its organisation attended). */
export const conferenceOrganisations = pgTable(
  "conference_organisations",
  {
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text().notNull().default("participant"),
    provenance: provenance().notNull().default("entered"),
  },
  (t) => [
    unique("conference_organisations_unique").on(t.conferenceId, t.organisationId),
    // An organisation's page (and a partner's scope) lists the conferences it took part in.
    index("conference_organisations_organisation_idx").on(t.organisationId),
  ],
);

export const conferenceOutcomes = pgTable(
  "conference_outcomes",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    /** Order on the page (rows written in one statement share their timestamps). */
    position: smallint().notNull().default(0),
    textEn: text().notNull(),
    textFr: text().notNull(),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [index("conference_outcomes_conference_idx").on(t.conferenceId, t.position)],
);

export const conferenceDocuments = pgTable(
  "conference_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    conferenceId: uuid()
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    /** Order on the page (rows written in one statement share their timestamps). */
    position: smallint().notNull().default(0),
    title: text().notNull(),
    url: text(),
    storageKey: text(),
    ...timestamps,
  },
  (t) => [index("conference_documents_conference_idx").on(t.conferenceId, t.position)],
);
