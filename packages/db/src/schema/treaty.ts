import { sql } from "drizzle-orm";
import { boolean, char, check, date, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { provenance } from "./common";

/** ISO 3166-1 countries; names come from i18n-iso-countries at seed time, not typed by hand. */
export const countries = pgTable(
  "countries",
  {
    iso2: char({ length: 2 }).primaryKey(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
  },
  (t) => [check("countries_iso2_upper", sql`${t.iso2} ~ '^[A-Z]{2}$'`)],
);

export const treatyJoinMethod = pgEnum("treaty_join_method", ["ratification", "accession", "succession"]);

/**
 * A state's instruments under the 1997 Ottawa Convention (UN Treaty Collection XXVI-5). Entry into force and the
 * stockpile deadline are computed from the deposit date by @portal/domain's treaty rules and stored for querying.
 */
export const treatyStatus = pgTable("treaty_status", {
  iso2: char({ length: 2 })
    .primaryKey()
    .references(() => countries.iso2),
  signedOn: date(),
  depositedOn: date(),
  joinMethod: treatyJoinMethod(),
  entryIntoForceOn: date(),
  stockpileDeadlineOn: date(),
  withdrawalNotifiedOn: date(),
  withdrawalEffectiveOn: date(),
  source: text().notNull(),
  provenance: provenance().notNull(),
});

/** Completed stockpile destruction; month-only dates (Sweden, 2001-12) keep their precision. */
export const stockpileDestructions = pgTable("stockpile_destructions", {
  iso2: char({ length: 2 })
    .primaryKey()
    .references(() => countries.iso2),
  completedOn: date().notNull(),
  precision: text({ enum: ["day", "month", "year"] }).notNull(),
  source: text(),
  provenance: provenance().notNull(),
});

/** States that produced AP mines before the Convention, and whether they still did in 2002. */
export const mineProducers = pgTable("mine_producers", {
  iso2: char({ length: 2 })
    .primaryKey()
    .references(() => countries.iso2),
  stillProducing2002: boolean().notNull(),
  /** Not formally halted, but with indications it no longer produces (Egypt, South Korea, United States in 2002). */
  likelyStopped: boolean().notNull().default(false),
  source: text(),
  provenance: provenance().notNull(),
});
