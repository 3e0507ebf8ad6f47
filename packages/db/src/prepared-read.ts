import type { DbOrTx } from "./client";

/**
 * A hot read built once per database handle (the pool, or one transaction) as a prepared statement whose parameters
 * are placeholders. Drizzle writes a query's SQL text anew on every call (about 0.3 ms of CPU for a small select:
 * most of what the budget reads cost beyond the database) and sends every query it did not prepare unprepared, so
 * PostgreSQL parses and plans it again each time. A prepared one is written once and planned once per connection;
 * with prepared statements off for the pool (DATABASE_PREPARED_STATEMENTS=false, behind PgBouncer) it is still
 * written once, and sent unprepared.
 */
export function preparedRead<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const built = new WeakMap<DbOrTx, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) built.set(db, (query = build(db)));
    return query;
  };
}
