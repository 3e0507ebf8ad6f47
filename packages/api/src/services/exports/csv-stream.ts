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
 * One batch as CSV text, lines ending in "\n". Written by hand rather than through a general CSV library: at a
 * million rows the per-record option handling of csv-stringify took half the export's time; the quoting rule is
 * the same (tests parse the output back with csv-parse).
 */
function csvLines(records: readonly (readonly string[])[]): string {
  let text = "";
  for (const record of records) {
    for (let i = 0; i < record.length; i++) text += (i === 0 ? "" : ",") + field(record[i]!);
    text += "\n";
  }
  return text;
}

/**
 * Streams a table as CSV, one batch of rows per chunk (thousands of rows, so few large writes), pulled as the
 * client reads: a slow client leaves the next batch unread, so memory stays at one batch whatever the size.
 */
export function csvStream<Row>(table: ExportTable<Row>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Row[]> | undefined;
  const { columns } = table;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLines([columns.map((c) => c.header)])));
    },
    async pull(controller) {
      iterator ??= table.batches()[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const records = next.value.map((row) => columns.map((column) => csvCell(column, row)));
      controller.enqueue(encoder.encode(csvLines(records)));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
