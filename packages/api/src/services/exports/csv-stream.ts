import { stringify } from "csv-stringify/sync";
import { csvCell, type ExportTable } from "./export-format";

const encoder = new TextEncoder();
/** A byte-order mark, so spreadsheet programs read the file as UTF-8 (accented French names). */
const BOM = "\uFEFF";

/** Streams a table as CSV (RFC 4180 quoting by csv-stringify), one batch of rows per chunk, pulled as the client reads. */
export function csvStream<Row>(table: ExportTable<Row>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Row[]> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + stringify([table.columns.map((c) => c.header)])));
    },
    async pull(controller) {
      iterator ??= table.batches()[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const records = next.value.map((row) => table.columns.map((column) => csvCell(column, row)));
      controller.enqueue(encoder.encode(stringify(records)));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
