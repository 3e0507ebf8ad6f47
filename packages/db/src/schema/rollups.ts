import { index, integer, pgTable, primaryKey, smallint, uuid } from "drizzle-orm/pg-core";
import { money } from "./common";
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
