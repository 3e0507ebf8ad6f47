import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";

/** The provenance values the seed uses; `entered` is reserved for what people type into the portal. */
export type SeedProvenance = "source-document" | "public-record" | "illustrative";

/** Rows a step inserted or changed, per table; a second run reports none. */
export type Written = Record<string, number>;

/**
 * Inserts rows that are not there yet and leaves existing ones untouched (seeded ids are deterministic, and a row a
 * person has since edited keeps their edit). Returns how many rows were new.
 */
export async function insertNew<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<number> {
  return (await insertNewRows(tx, table, rows)).length;
}

/** insertNew, returning the rows that were new (to write their children, audit events or ledger totals). */
export async function insertNewRows<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<T["$inferSelect"][]> {
  if (rows.length === 0) return [];
  return await tx
    .insert(table)
    .values(rows as T["$inferInsert"][])
    .onConflictDoNothing()
    .returning();
}

export function mergeWritten(...parts: readonly Written[]): Written {
  const total: Written = {};
  for (const part of parts) {
    for (const [table, count] of Object.entries(part)) total[table] = (total[table] ?? 0) + count;
  }
  return total;
}
