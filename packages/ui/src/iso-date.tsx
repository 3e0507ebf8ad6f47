import { useFormatter } from "next-intl";

/** Midday UTC of an ISO calendar date, so formatting it in any time zone gives the same day. */
export function isoDateToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/** The part of next-intl's formatter (useFormatter / getFormatter) that dates need. */
type DateFormatter = Pick<ReturnType<typeof useFormatter>, "dateTime" | "dateTimeRange">;

export type IsoDatePrecision = "day" | "month" | "year";

/**
 * The one formatter of calendar dates (YYYY-MM-DD, no time zone), in the reader's language: noon UTC, formatted in
 * UTC, so no time zone can move it to the day before; month-precision dates (a stockpile completion known only by
 * month) show the month, year-precision ones the year.
 */
export function formatIsoDate(
  format: DateFormatter,
  iso: string,
  precision: IsoDatePrecision = "day",
  dateStyle: "medium" | "long" | "short" = "medium",
): string {
  const date = isoDateToDate(iso);
  if (precision === "year") return format.dateTime(date, { year: "numeric", timeZone: "UTC" });
  if (precision === "month") return format.dateTime(date, { year: "numeric", month: "long", timeZone: "UTC" });
  return format.dateTime(date, { dateStyle, timeZone: "UTC" });
}

/** "Jun 14 – 15, 2001" style ranges, with Intl's own range formatting through next-intl. */
export function formatIsoDateRange(format: DateFormatter, from: string, to: string): string {
  const options = { dateStyle: "medium", timeZone: "UTC" } as const;
  const start = isoDateToDate(from);
  return from === to ? format.dateTime(start, options) : format.dateTimeRange(start, isoDateToDate(to), options);
}

/**
 * A calendar date kept as `YYYY-MM-DD` (due dates, periods, payment dates), in the reader's language, inside a
 * `<time>` whose machine-readable value is the date itself.
 */
export function IsoDate({
  value,
  dateStyle = "medium",
  precision = "day",
}: {
  value: string;
  dateStyle?: "medium" | "long" | "short";
  precision?: IsoDatePrecision;
}) {
  const format = useFormatter();
  return <time dateTime={value}>{formatIsoDate(format, value, precision, dateStyle)}</time>;
}
