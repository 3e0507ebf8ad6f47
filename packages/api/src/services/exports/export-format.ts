import { minorDigits } from "@portal/domain";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportFormatOf(value: string | null | undefined): ExportFormat {
  return value === "xlsx" ? "xlsx" : "csv";
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** How a column's values are written: text as is, money as a decimal amount, dates as ISO dates. */
export type ExportCellKind = "text" | "money" | "date" | "integer";

/** One column of an exported table; `value` reads it from a row. Money columns give minor units and a currency. */
export interface ExportColumn<Row> {
  key: string;
  header: string;
  kind?: ExportCellKind;
  /** Character width hint for spreadsheets. */
  width?: number;
  value: (row: Row) => string | number | null;
  /** For money columns: the row's currency, so minor units become the right number of decimals. */
  currency?: (row: Row) => string;
}

/** A table to export: its columns, its rows in batches (read lazily, so large exports stream), and how many. */
export interface ExportTable<Row> {
  fileName: string;
  sheetName: string;
  columns: ExportColumn<Row>[];
  rowCount: number;
  batches: () => AsyncIterable<Row[]>;
  /**
   * The same rows as CSV already written by the database (COPY; csv-sql.ts), when the source can: csvStream sends
   * these bytes under the header instead of formatting `batches` row by row (XLSX still reads `batches`).
   */
  csvRows?: () => AsyncIterable<Uint8Array>;
}

/** Minor units as a plain decimal string with a dot ("484744.00"): what spreadsheets and scripts read in any locale. */
export function decimalAmount(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const abs = Math.abs(amount);
  if (digits === 0) return `${negative ? "-" : ""}${abs}`;
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** The characters that make spreadsheet programs read a cell as a formula (OWASP, "CSV injection"). */
export const FORMULA_START_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"] as const;
const FORMULA_START = new RegExp(`^[${FORMULA_START_CHARACTERS.map((c) => `\\${c}`).join("")}]`);

/**
 * Text that a spreadsheet would run as a formula (`=HYPERLINK(...)` in a title) gets a leading apostrophe, so it is
 * shown as typed. Amounts, dates and counts are written by the export itself and never escaped.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's value for CSV (always text). */
export function csvCell<Row>(column: ExportColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null || value === undefined) return "";
  if (column.kind === "money" && typeof value === "number") {
    return decimalAmount(value, column.currency?.(row) ?? "CAD");
  }
  const kind = column.kind ?? "text";
  return kind === "text" ? neutraliseFormula(String(value)) : String(value);
}

/** Reads pages of `size` rows from `page(offset, limit)` until one comes back short. */
export async function* inBatches<Row>(
  page: (offset: number, limit: number) => Promise<Row[]>,
  size = 500,
): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await page(offset, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** A file name safe on every system: letters, digits, dashes. */
export function exportFileName(base: string, format: ExportFormat, today: string): string {
  const safe = base
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return `${safe || "export"}-${today}.${format}`;
}
