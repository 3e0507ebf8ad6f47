import { csvCell, type ExportTable } from "./export-format";

const encoder = new TextEncoder();
/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (accented French names). */
const BOM = "\uFEFF";
/** What makes a field need quotes under RFC 4180: a delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it: quoted (inner quotes doubled) only when it has to be. */
function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Rows as CSV text, lines ending in "\n", written cell by cell into one string (no array per row). Written by hand
 * rather than through a general CSV library: at a million rows the per-record option handling of csv-stringify took
 * half the export's time; the quoting rule is the same (tests parse the output back with csv-parse).
 */
function csvLines<Row>(rows: readonly Row[], cell: readonly ((row: Row) => string)[]): string {
  let text = "";
  for (const row of rows) {
    text += field(cell[0]!(row));
    for (let i = 1; i < cell.length; i++) text += "," + field(cell[i]!(row));
    text += "\n";
  }
  return text;
}

/**
 * Streams a table as CSV, one batch of rows per chunk (thousands of rows, so few large writes), pulled as the
 * client reads: a slow client leaves the next batch unread, so memory stays at one batch whatever the size. A table
 * whose rows the database writes as CSV itself (csvRows) streams those bytes the same way.
 */
export function csvStream<Row>(table: ExportTable<Row>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array> | undefined;
  const { columns, csvRows } = table;
  const cells = columns.map((column) => (row: Row) => csvCell(column, row));
  async function* formatted(): AsyncGenerator<Uint8Array> {
    for await (const rows of table.batches()) yield encoder.encode(csvLines(rows, cells));
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${BOM}${columns.map((column) => field(column.header)).join(",")}\n`));
    },
    async pull(controller) {
      iterator ??= (csvRows ? csvRows() : formatted())[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(next.value);
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
