import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { isIsoDate, type IsoDate } from "@portal/domain";

/** The treaty files ship with the package (packages/db/data/treaty), next to the code that reads them. */
const TREATY_DATA_DIR = new URL("../../data/treaty/", import.meta.url);

export type JoinMethod = "ratification" | "accession" | "succession";
export type DatePrecision = "day" | "month" | "year";

export interface StatePartyRow {
  iso2: string;
  name: string;
  signedOn: IsoDate | null;
  depositedOn: IsoDate;
  method: JoinMethod;
  source: string;
}

export interface WithdrawalRow {
  iso2: string;
  notifiedOn: IsoDate;
  effectiveOn: IsoDate;
  source: string;
}

export interface StockpileCompletionRow {
  iso2: string;
  completedOn: IsoDate;
  precision: DatePrecision;
  source: string;
}

function readTreatyCsv(file: string, columns: readonly string[]): Record<string, string>[] {
  const text = readFileSync(new URL(file, TREATY_DATA_DIR), "utf8");
  const records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true });
  for (const [index, record] of records.entries()) {
    const missing = columns.filter((column) => record[column] === undefined);
    if (missing.length > 0) throw new Error(`${file} row ${index + 2}: missing column(s) ${missing.join(", ")}`);
  }
  return records;
}

function field(record: Record<string, string>, column: string): string {
  return record[column] ?? "";
}

function isoCode(value: string, file: string): string {
  if (!/^[A-Z]{2}$/.test(value)) throw new Error(`${file}: not an ISO 3166-1 alpha-2 code: ${value}`);
  return value;
}

function isoDate(value: string, file: string): IsoDate {
  if (!isIsoDate(value)) throw new Error(`${file}: not a YYYY-MM-DD date: ${value}`);
  return value;
}

function optionalIsoDate(value: string, file: string): IsoDate | null {
  return value === "" ? null : isoDate(value, file);
}

function joinMethod(value: string, file: string): JoinMethod {
  if (value === "ratification" || value === "accession" || value === "succession") return value;
  throw new Error(`${file}: unknown method of joining: ${value}`);
}

/** "2001-12-15" (day), "2001-12" (month) or "2001" (year); the partial forms are stored as their first day. */
export function parsePartialDate(value: string): {
  date: IsoDate;
  precision: DatePrecision;
} {
  if (isIsoDate(value)) return { date: value, precision: "day" };
  if (/^\d{4}-\d{2}$/.test(value) && isIsoDate(`${value}-01`)) return { date: `${value}-01`, precision: "month" };
  if (/^\d{4}$/.test(value)) return { date: `${value}-01-01`, precision: "year" };
  throw new Error(`Not a full or partial date: ${value}`);
}

export function readStatesParties(): StatePartyRow[] {
  const file = "states-parties.csv";
  return readTreatyCsv(file, ["iso2", "name", "signed", "deposited", "method", "source"]).map((record) => ({
    iso2: isoCode(field(record, "iso2"), file),
    name: field(record, "name"),
    signedOn: optionalIsoDate(field(record, "signed"), file),
    depositedOn: isoDate(field(record, "deposited"), file),
    method: joinMethod(field(record, "method"), file),
    source: field(record, "source"),
  }));
}

export function readWithdrawals(): WithdrawalRow[] {
  const file = "withdrawals.csv";
  return readTreatyCsv(file, ["iso2", "notified", "effective", "source"]).map((record) => ({
    iso2: isoCode(field(record, "iso2"), file),
    notifiedOn: isoDate(field(record, "notified"), file),
    effectiveOn: isoDate(field(record, "effective"), file),
    source: field(record, "source"),
  }));
}

/**
 * Sourced completions: 27 of the 33 reported by November 2002 (Landmine Monitor country reports 2000-2007, the
 * Standing Committee on Stockpile Destruction's May 2001 report, Canada's 1997 press release), copied from the
 * research notes. It holds all six that the source document names for May 2001 to July 2002.
 */
export function readStockpileCompletions(): StockpileCompletionRow[] {
  const file = "stockpile-destruction-2002.csv";
  return readTreatyCsv(file, ["iso2", "completed", "source"]).map((record) => {
    const { date, precision } = parsePartialDate(field(record, "completed"));
    const source = field(record, "source");
    if (!/^https?:\/\//.test(source)) throw new Error(`${file}: ${field(record, "iso2")} has no source link`);
    return { iso2: isoCode(field(record, "iso2"), file), completedOn: date, precision, source };
  });
}
