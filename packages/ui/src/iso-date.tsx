import { useFormatter } from "next-intl";

/** Midday UTC of an ISO calendar date, so formatting it in any time zone gives the same day. */
export function isoDateToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/**
 * A calendar date kept as `YYYY-MM-DD` (due dates, periods, payment dates), in the reader's language, inside a
 * `<time>` whose machine-readable value is the date itself.
 */
export function IsoDate({ value, dateStyle = "medium" }: { value: string; dateStyle?: "medium" | "long" | "short" }) {
  const format = useFormatter();
  return <time dateTime={value}>{format.dateTime(isoDateToDate(value), { dateStyle, timeZone: "UTC" })}</time>;
}
