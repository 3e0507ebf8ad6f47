import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { currencyCode, money, provenance, timestamps } from "./common";

/** A funding envelope, possibly under a parent (the Canadian Landmine Fund holds MAPP and MMP). */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    descriptionEn: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    parentId: uuid().references((): AnyPgColumn => programmes.id),
    startsOn: date(),
    endsOn: date(),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [index("programmes_parent_idx").on(t.parentId)],
);

/** Canada's fiscal year, 1 April to 31 March, identified by the calendar year it starts in (2001 = FY 2001-2002). */
export const fiscalYears = pgTable(
  "fiscal_years",
  {
    startYear: integer().primaryKey(),
    label: text().notNull().unique(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
  },
  (t) => [
    check("fiscal_years_range", sql`${t.startYear} between 1990 and 2100`),
    check("fiscal_years_starts", sql`${t.startsOn} = make_date(${t.startYear}, 4, 1)`),
    check("fiscal_years_ends", sql`${t.endsOn} = make_date(${t.startYear} + 1, 3, 31)`),
  ],
);

/**
 * A programme's budget for one fiscal year. committed and disbursed are running totals kept by the ledger services
 * in the same transaction as the change; the CHECKs make over-commitment impossible whatever the code does.
 */
export const allocations = pgTable(
  "allocations",
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id),
    fiscalYear: integer()
      .notNull()
      .references(() => fiscalYears.startYear),
    amount: money("amount").notNull(),
    currency: currencyCode().notNull().default("CAD"),
    committed: money("committed").notNull().default(0),
    disbursed: money("disbursed").notNull().default(0),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    unique("allocations_programme_year_unique").on(t.programmeId, t.fiscalYear),
    check("allocations_amount_positive", sql`${t.amount} > 0`),
    check("allocations_committed_range", sql`${t.committed} >= 0 and ${t.committed} <= ${t.amount}`),
    check("allocations_disbursed_range", sql`${t.disbursed} >= 0 and ${t.disbursed} <= ${t.committed}`),
    check("allocations_currency_cad", sql`${t.currency} = 'CAD'`),
    index("allocations_fiscal_year_idx").on(t.fiscalYear),
  ],
);
