/** Rows per batch of a keyset export: large enough to amortise a round trip, small enough to keep memory flat. */
export const KEYSET_BATCH_SIZE = 2000;

/**
 * Reads a table in batches, each starting after the last row of the one before (keyset pagination): with an index on
 * the sort, every batch costs the same however far into the table it is, unlike OFFSET, which reads and drops every
 * row before it. Only one batch is held at a time, so memory stays flat whatever the size of the export.
 */
export async function* inKeysetBatches<Row, Key>(
  page: (after: Key | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  size = KEYSET_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  let after: Key | null = null;
  for (;;) {
    const rows = await page(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}
