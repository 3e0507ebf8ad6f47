import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { minorDigits } from "@portal/domain";
import type { ExportColumn, ExportTable } from "./export-format";

function cellValue<Row>(column: ExportColumn<Row>, row: Row): string | number | Date | null {
  const value = column.value(row);
  if (value === null || value === undefined) return null;
  if (column.kind === "money" && typeof value === "number") {
    return value / 10 ** minorDigits(column.currency?.(row) ?? "CAD");
  }
  if (column.kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

const NUMBER_FORMATS: Partial<Record<NonNullable<ExportColumn<unknown>["kind"]>, string>> = {
  money: "#,##0.00",
  date: "yyyy-mm-dd",
  integer: "0",
};

/**
 * Streams a table as an XLSX workbook with exceljs's streaming WorkbookWriter: rows are committed as they are read, so
 * the whole sheet is never held in memory.
 */
export function xlsxStream<Row>(table: ExportTable<Row>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width ?? 16,
    style: NUMBER_FORMATS[column.kind ?? "text"] ? { numFmt: NUMBER_FORMATS[column.kind ?? "text"] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  // A reader that goes away (the person cancels the download) destroys the stream: stop reading rows then.
  let cancelled = false;
  output.on("close", () => {
    cancelled = true;
  });

  void (async () => {
    try {
      for await (const batch of table.batches()) {
        if (cancelled) break;
        for (const row of batch) {
          sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, cellValue(c, row)]))).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      if (cancelled) return;
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
