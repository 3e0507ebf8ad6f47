/**
 * Today's date where the programme is run (Ottawa), as YYYY-MM-DD: a report due "today" is not overdue until the day
 * is over there, whatever time zone the server runs in.
 */
export function todayInOttawa(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Toronto",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
