import { bigint, boolean, check, index, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { currencyCode, money } from "./common";
import { organisations } from "./organisations";
import { allocations, fiscalYears } from "./programmes";

/**
 * CAD paid per allocation, fiscal year and quarter of payment (reversals included): the budget review's quarters.
 * Kept by triggers of migration 0017 (every disbursement inserted adds to it; a funding line moved to another
 * allocation recomputes both), never written by the services; the scale bench and the ledger tests compare it with
 * the sum of the disbursements.
 */
export const allocationQuarterTotals = pgTable(
  "allocation_quarter_totals",
  {
    allocationId: uuid()
      .notNull()
      .references(() => allocations.id),
    fiscalYear: integer()
      .notNull()
      .references(() => fiscalYears.startYear),
    fiscalQuarter: smallint().notNull(),
    amountCad: money("amount_cad").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "allocation_quarter_totals_pk", columns: [t.allocationId, t.fiscalYear, t.fiscalQuarter] }),
    index("allocation_quarter_totals_fiscal_year_idx").on(t.fiscalYear),
  ],
);

/**
 * Per allocation and recipient, the sums over the funding lines of that recipient's grants on that allocation:
 * funded (the lines' amounts), committed (committed_amount of each line, the definition allocations.committed is kept
 * by) and disbursed (CAD). The budget review's partners. Kept by triggers of migration 0022 on funding lines (every
 * insert, update and delete, so each disbursement and amendment) and on grants (a status or recipient change, a
 * deletion), never written by the services; the scale bench and the integration tests compare it with the lines.
 */
export const allocationPartnerTotals = pgTable(
  "allocation_partner_totals",
  {
    allocationId: uuid()
      .notNull()
      .references(() => allocations.id),
    recipientId: uuid()
      .notNull()
      .references(() => organisations.id),
    funded: money("funded").notNull().default(0),
    committed: money("committed").notNull().default(0),
    disbursed: money("disbursed").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "allocation_partner_totals_pk", columns: [t.allocationId, t.recipientId] }),
    // Migration 0022 adds INCLUDE (recipient_id, funded, committed, disbursed): the review reads a fiscal year's
    // totals from this index alone.
    index("allocation_partner_totals_allocation_idx").on(t.allocationId),
    // The foreign key's own index: deleting or merging an organisation finds its totals without a scan.
    index("allocation_partner_totals_recipient_idx").on(t.recipientId),
  ],
);

/**
 * Per recipient and currency, the partner workspace's figures over that recipient's grants that are not drafts: how
 * many grants, their total funding (funded) and what was paid on them (received, the grants' running totals), how
 * many disbursements (payments, reversals included), the instalments still to come (planned, due, approved or on
 * hold: how many and their amount) and the reports in play (open, sent back for changes, submitted or resubmitted)
 * and due (open or sent back). Kept by triggers of migration 0024 on grants, scheduled payments, reporting
 * requirements and disbursements in the writer's own transaction, never written by the services; a row goes when
 * its recipient has no grant left in that currency. The scale bench and the integration tests compare it with the
 * rows it sums.
 */
export const recipientTotals = pgTable(
  "recipient_totals",
  {
    recipientId: uuid()
      .notNull()
      .references(() => organisations.id),
    currency: currencyCode().notNull(),
    grants: integer().notNull().default(0),
    funded: money("funded").notNull().default(0),
    received: money("received").notNull().default(0),
    payments: bigint({ mode: "number" }).notNull().default(0),
    upcoming: bigint({ mode: "number" }).notNull().default(0),
    upcomingAmount: money("upcoming_amount").notNull().default(0),
    reportsInPlay: bigint({ mode: "number" }).notNull().default(0),
    reportsDue: bigint({ mode: "number" }).notNull().default(0),
  },
  // The primary key, led by the recipient, is the foreign key's index and the workspace's read.
  (t) => [primaryKey({ name: "recipient_totals_pk", columns: [t.recipientId, t.currency] })],
);

/**
 * One row whose number changes whenever anything the grant list's count and filter choices read changes: grants
 * added, removed, or changing status, recipient or search text; funding lines, allocations, programmes, fiscal years,
 * organisations, countries, officers' programmes and their access to other programmes. Bumped by deferred triggers
 * of migration 0021 at commit (so the row is locked last and briefly, and once per transaction), read by
 * `services/grants/grant-list-cache.ts`, which keeps a count per scope and filters while the number stays the same.
 */
export const grantListVersion = pgTable(
  "grant_list_version",
  {
    id: boolean().primaryKey().default(true),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("grant_list_version_one_row", sql`${t.id}`)],
);
