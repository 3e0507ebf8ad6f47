import { bigint, pgView, uuid } from "drizzle-orm/pg-core";

/**
 * THE definition of "committed", in one place: the SQL function committed_amount(status, amount, disbursed) in
 * migration 0002_ledger_views. A funding line (or a grant) commits its full amount while approved, active,
 * suspended or closing; once closed or terminated only what was actually paid stays committed (the rest goes back to
 * the allocation); draft, submitted and cancelled commit nothing. The ledger services move allocations.committed by
 * the difference of this function before and after each change, and these views recompute the same figures from the
 * facts (funding lines, grant statuses, disbursements, conference direct costs), so tests and reconciliations can
 * check the running totals against them.
 */
export const fundingLineLedger = pgView("funding_line_ledger", {
  fundingLineId: uuid("funding_line_id").notNull(),
  grantId: uuid("grant_id").notNull(),
  allocationId: uuid("allocation_id").notNull(),
  amount: bigint("amount", { mode: "number" }).notNull(),
  /** CAD actually paid from the line: the sum of its disbursements (reversals included). */
  disbursed: bigint("disbursed", { mode: "number" }).notNull(),
  committed: bigint("committed", { mode: "number" }).notNull(),
}).existing();

/** Per allocation, committed and disbursed recomputed from the facts; compare with allocations.committed/disbursed. */
export const allocationLedger = pgView("allocation_ledger", {
  allocationId: uuid("allocation_id").notNull(),
  committed: bigint("committed", { mode: "number" }).notNull(),
  disbursed: bigint("disbursed", { mode: "number" }).notNull(),
}).existing();
