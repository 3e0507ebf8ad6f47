import { type SQL, sql } from "drizzle-orm";

/**
 * Lists say "1000+" past this many: a count that stops at the cap costs the same for a thousand rows or a million,
 * where an exact count reads every matching row (25k overdue reports at 1M disbursements) on each page view.
 */
export const COUNT_CAP = 1000;

/** A count of the rows of `from` (a FROM ... WHERE fragment) that stops after COUNT_CAP + 1 rows. */
export const cappedCount = (from: SQL) =>
  sql`(select count(*) from (select 1 from ${from} limit ${COUNT_CAP + 1}) capped)::int`;

/** How a capped count reads: exact up to the cap, else the cap and "at least". */
export function countFigure(counted: number): { total: number; atLeast: boolean } {
  return counted > COUNT_CAP ? { total: COUNT_CAP, atLeast: true } : { total: counted, atLeast: false };
}
