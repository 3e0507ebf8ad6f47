import { finished } from "node:stream/promises";
import { type Database, inlinedQuery } from "@portal/db";
import type { SQLWrapper } from "drizzle-orm";

/** Rows per batch read from a cursor: a few round trips for a million rows, a few MiB held at a time. */
export const CURSOR_BATCH_SIZE = 5000;

/** A query drizzle has built (anything with toSQL()), to be run by the snapshot's own connection. */
interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

export interface Snapshot {
  /** The query's rows as arrays of column values (in the select's order), one batch at a time. */
  cursor(query: BuiltQuery, size?: number): AsyncIterable<unknown[][]>;
  /**
   * The query's rows as CSV written by PostgreSQL (COPY, no header), in chunks of bytes: its columns must already be
   * the cells' text (csv-sql.ts). Stopping early cancels the statement.
   */
  copyCsv(query: SQLWrapper): AsyncIterable<Uint8Array>;
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
 * once per batch. Rows come as arrays: no object per row, no column names to repeat; or, for CSV, as the bytes
 * PostgreSQL writes itself (copyCsv).
 */
export async function openSnapshot(db: Database): Promise<Snapshot> {
  const connection = await db.$client.reserve();
  /** The server process of the snapshot, so a COPY can be cancelled from another connection. */
  let pid: number;
  try {
    await connection.unsafe("begin isolation level repeatable read read only");
    // copyCsv writes values into its statement as quoted literals, which escape nothing else under this setting.
    await connection.unsafe("set local standard_conforming_strings = on");
    const [backend] = await connection.unsafe<{ pid: number }[]>("select pg_backend_pid() as pid");
    pid = backend!.pid;
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
    async *copyCsv(query) {
      // COPY takes no parameters, so the scope's values (ids from the session) are written in as literals.
      const copy = connection.unsafe(`copy (${inlinedQuery(query)}) to stdout with (format csv)`);
      const stream = await copy.readable();
      let ended = false;
      try {
        // Not destroyed on an early return: a destroyed stream would leave the socket paused mid-COPY.
        for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Uint8Array;
        ended = true;
      } finally {
        if (!ended) {
          // The client went away: the rest is discarded as it comes while PostgreSQL is asked to stop, and the
          // connection is handed on only once the statement is over (ended or cancelled).
          // (postgres.js cannot cancel a COPY once it has handed out the stream, hence pg_cancel_backend.)
          stream.resume();
          // The cancelled statement ends the stream with "canceling statement due to user request", the outcome asked
          // for; it may arrive before the cancel's own answer, so the stream is watched before the cancel is sent (an
          // error event nobody listens to would crash the process).
          const over = finished(stream).catch(() => undefined);
          await db.$client`select pg_cancel_backend(${pid})`;
          await over;
        }
        // postgres.js pauses the socket when the stream's buffer is full and resumes it only when the stream asks
        // for more, which an ended stream never does: if the last rows filled the buffer, the socket would stay
        // paused and the next statement wait forever (porsager/postgres#499, fix pending in #1016). Its read hook
        // is what resumes the socket.
        (stream as unknown as { _read(size: number): void })._read(0);
      }
    },
    async close() {
      try {
        await connection.unsafe("commit");
      } catch {
        // Nothing was written, so nothing is lost; the transaction still ends before the connection is handed on.
        await connection.unsafe("rollback").catch(() => undefined);
      } finally {
        connection.release();
      }
    },
  };
}
