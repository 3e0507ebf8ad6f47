import type { Database } from "@portal/db";

/** Rows per batch read from a cursor: a few round trips for a million rows, a few MiB held at a time. */
export const CURSOR_BATCH_SIZE = 5000;

/** A query drizzle has built (anything with toSQL()), to be run by the snapshot's own connection. */
interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

export interface Snapshot {
  /** The query's rows as arrays of column values (in the select's order), one batch at a time. */
  cursor(query: BuiltQuery, size?: number): AsyncIterable<unknown[][]>;
  close(): Promise<void>;
}

/**
 * Asks for the next batch as soon as one arrives, so the database reads it while the caller writes this one out
 * (postgres.js fetches a cursor's next rows only when asked). Two batches at most are held.
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let done = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        done = true;
        return;
      }
      next = iterator.next();
      yield result.value;
    }
  } finally {
    if (!done) {
      // Stopped early (the client went away): the batch in flight is settled before the cursor is closed, or the
      // connection would wait for it forever.
      await next.catch(() => undefined);
      await iterator.return?.();
    }
  }
}

/**
 * One connection of the pool, held for a long read in a READ ONLY, REPEATABLE READ transaction: every query sees the
 * same committed state however long the reader takes (a payment recorded meanwhile appears in none of them), and
 * each query is one server-side cursor fetched in batches, so the database plans, sorts and walks it once instead of
 * once per batch. Rows come as arrays: no object per row, no column names to repeat.
 */
export async function openSnapshot(db: Database): Promise<Snapshot> {
  const connection = await db.$client.reserve();
  try {
    await connection.unsafe("begin isolation level repeatable read read only");
  } catch (error) {
    connection.release();
    throw error;
  }
  return {
    cursor(query, size = CURSOR_BATCH_SIZE) {
      const { sql, params } = query.toSQL();
      return readAhead(
        connection
          .unsafe(sql, params as never[])
          .values()
          .cursor(size) as AsyncIterable<unknown[][]>,
      );
    },
    async close() {
      try {
        await connection.unsafe("commit");
      } finally {
        connection.release();
      }
    },
  };
}
