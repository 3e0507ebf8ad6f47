import type { useFormatter } from "next-intl";

/** The part of next-intl's formatter (useFormatter / getFormatter) that dates need. */
type DateFormatter = Pick<ReturnType<typeof useFormatter>, "dateTime" | "dateTimeRange">;

/**
 * A calendar date (YYYY-MM-DD, no time zone) in the reader's language. Noon UTC, formatted in UTC, so no time zone
 * can move it to the day before; month-precision dates (a stockpile completion known only by month) show the month.
 */
export function formatIsoDate(
  format: DateFormatter,
  iso: string,
  precision: "day" | "month" | "year" = "day",
  style: "medium" | "long" = "medium",
): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (precision === "year") return format.dateTime(date, { year: "numeric", timeZone: "UTC" });
  if (precision === "month") return format.dateTime(date, { year: "numeric", month: "long", timeZone: "UTC" });
  return format.dateTime(date, { dateStyle: style, timeZone: "UTC" });
}

/** "Jun 14 – 15, 2001" style ranges, with Intl's own range formatting through next-intl. */
export function formatIsoDateRange(format: DateFormatter, from: string, to: string): string {
  const options = { dateStyle: "medium", timeZone: "UTC" } as const;
  const start = new Date(`${from}T12:00:00Z`);
  return from === to
    ? format.dateTime(start, options)
    : format.dateTimeRange(start, new Date(`${to}T12:00:00Z`), options);
}
