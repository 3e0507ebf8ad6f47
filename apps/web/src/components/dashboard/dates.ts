import { isoDateToDate } from "@portal/ui";

export { isoDateToDate };

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((isoDateToDate(toIso).getTime() - isoDateToDate(fromIso).getTime()) / 86_400_000);
}
