import { sql } from "drizzle-orm";
import { boolean, char, check, date, index, integer, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { provenance, timestamps } from "./common";
import { countries } from "./treaty";

/** IATI OrganisationType codes (10 government, 21 international NGO, 22 national NGO, 40 multilateral, 60 foundation...). */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    legalNameEn: text().notNull(),
    legalNameFr: text().notNull(),
    acronym: text(),
    iatiType: integer().notNull(),
    countryCode: char({ length: 2 }).references(() => countries.iso2),
    website: text(),
    isFunder: boolean().notNull().default(false),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    check(
      "organisations_iati_type",
      sql`${t.iatiType} in (10, 11, 15, 21, 22, 23, 24, 30, 40, 60, 70, 71, 72, 73, 80, 90)`,
    ),
    check("organisations_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index("organisations_country_idx").on(t.countryCode),
    index("organisations_legal_name_en_idx").on(t.legalNameEn, t.id),
    // The grant list's recipient order: what it shows first (the acronym, else the name).
    index("organisations_display_name_idx").on(sql`lower(coalesce(${t.acronym}, ${t.legalNameEn}))`),
    index("organisations_legal_name_en_trgm_idx").using("gin", sql`${t.legalNameEn} gin_trgm_ops`),
    index("organisations_legal_name_fr_trgm_idx").using("gin", sql`${t.legalNameFr} gin_trgm_ops`),
    index("organisations_acronym_trgm_idx").using("gin", sql`${t.acronym} gin_trgm_ops`),
  ],
);

export const organisationRelationKind = pgEnum("organisation_relation_kind", [
  "member_of",
  "coordination_committee_member_of",
  "core_group_member_of",
  "steering_committee_member_of",
  "runs",
  "regional_coordinator_for",
]);

/** Directed links between organisations: "MAC member_of ICBL", "MAC runs YMAAP". */
export const organisationRelations = pgTable(
  "organisation_relations",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    toOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: organisationRelationKind().notNull(),
    noteEn: text(),
    noteFr: text(),
    since: date(),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    unique("organisation_relations_unique").on(t.fromOrganisationId, t.toOrganisationId, t.kind),
    check("organisation_relations_not_self", sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
    index("organisation_relations_to_idx").on(t.toOrganisationId),
  ],
);

export const partnershipKind = pgEnum("partnership_kind", ["civil_society", "state", "international_organisation"]);

/** The standing relationship between the ministry and one organisation. */
export const partnerships = pgTable("partnerships", {
  id: uuid().primaryKey().defaultRandom(),
  organisationId: uuid()
    .notNull()
    .unique()
    .references(() => organisations.id, { onDelete: "cascade" }),
  kind: partnershipKind().notNull(),
  since: date(),
  descriptionEn: text().notNull().default(""),
  descriptionFr: text().notNull().default(""),
  provenance: provenance().notNull().default("entered"),
  ...timestamps,
});
