/** Midday UTC of an ISO date, so formatting it in any time zone gives the same calendar day. */
export function isoDateToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((isoDateToDate(toIso).getTime() - isoDateToDate(fromIso).getTime()) / 86_400_000);
}
