/** Rows per batch of a keyset export: large enough to amortise a round trip, small enough to keep memory flat. */
export const KEYSET_BATCH_SIZE = 2000;

/**
 * Reads a table in batches, each starting after the last row of the one before (keyset pagination): with an index on
 * the sort, every batch costs the same however far into the table it is, unlike OFFSET, which reads and drops every
 * row before it. The next batch is requested as soon as a batch arrives, so the database reads it while the caller
 * writes this one out (two batches at most are held, so memory stays flat whatever the size of the export).
 */
export async function* inKeysetBatches<Row, Key>(
  page: (after: Key | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  size = KEYSET_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  let pending: Promise<Row[]> | null = page(null, size);
  try {
    while (pending) {
      const rows: Row[] = await pending;
      pending = rows.length < size ? null : page(keyOf(rows[rows.length - 1]!), size);
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A cancelled export (the client went away) still settles the read in flight, so no rejection goes unhandled.
    await pending?.catch(() => undefined);
  }
}
