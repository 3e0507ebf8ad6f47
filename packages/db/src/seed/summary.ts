import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";
import * as schema from "../schema";
import type { Written } from "./write";

/** The tables the seed fills, by their SQL names. */
const SEEDED_TABLES = {
  countries: schema.countries,
  treaty_status: schema.treatyStatus,
  stockpile_destructions: schema.stockpileDestructions,
  mine_producers: schema.mineProducers,
  fiscal_years: schema.fiscalYears,
  programmes: schema.programmes,
  allocations: schema.allocations,
  organisations: schema.organisations,
  organisation_relations: schema.organisationRelations,
  partnerships: schema.partnerships,
  users: schema.users,
  memberships: schema.memberships,
  officer_programmes: schema.officerProgrammes,
  grants: schema.grants,
  grant_components: schema.grantComponents,
  grant_amendments: schema.grantAmendments,
  funding_lines: schema.fundingLines,
  reporting_requirements: schema.reportingRequirements,
  report_submissions: schema.reportSubmissions,
  scheduled_payments: schema.scheduledPayments,
  disbursements: schema.disbursements,
  conferences: schema.conferences,
  conference_co_hosts: schema.conferenceCoHosts,
  conference_sessions: schema.conferenceSessions,
  conference_participants: schema.conferenceParticipants,
  conference_organisations: schema.conferenceOrganisations,
  audit_events: schema.auditEvents,
} satisfies Record<string, PgTable>;

export type SeededTable = keyof typeof SEEDED_TABLES;

export interface SeedSummary {
  /** Rows in each table once the seed has run (including rows the portal added). */
  rows: Record<SeededTable, number>;
  /** Rows this run inserted or changed: all zero when the database was already seeded. */
  written: Record<SeededTable, number>;
}

const tableNames = () => Object.keys(SEEDED_TABLES) as SeededTable[];

async function countRows(tx: Tx): Promise<Record<SeededTable, number>> {
  const counts = {} as Record<SeededTable, number>;
  for (const name of tableNames()) counts[name] = await tx.$count(SEEDED_TABLES[name]);
  return counts;
}

function writtenPerTable(written: Written): Record<SeededTable, number> {
  const unknown = Object.keys(written).filter((name) => !(name in SEEDED_TABLES));
  if (unknown.length > 0) throw new Error(`Seed step reported unknown table(s): ${unknown.join(", ")}`);
  return Object.fromEntries(tableNames().map((name) => [name, written[name] ?? 0])) as Record<SeededTable, number>;
}

export async function summarise(tx: Tx, written: Written): Promise<SeedSummary> {
  return { rows: await countRows(tx), written: writtenPerTable(written) };
}
