/**
 * Canada's fiscal year runs 1 April to 31 March and is identified here by the calendar year it starts in:
 * 2001 is FY 2001-2002 (2001-04-01 .. 2002-03-31). Quarters: Apr-Jun Q1, Jul-Sep Q2, Oct-Dec Q3, Jan-Mar Q4.
 * Dates are ISO `YYYY-MM-DD` strings (PostgreSQL `date`), so no time zone can shift them.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${value}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The start year of the fiscal year a date falls in. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return month >= 4 ? year : year - 1;
}

export function fiscalQuarterOf(date: IsoDate): 1 | 2 | 3 | 4 {
  const { month } = parseIsoDate(date);
  return (Math.floor(((month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** "2001-2002" for 2001. */
export function fiscalYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

export function fiscalYearBounds(startYear: number): { startsOn: IsoDate; endsOn: IsoDate } {
  return { startsOn: `${startYear}-04-01`, endsOn: `${startYear + 1}-03-31` };
}

/** Parses "2001-2002" or "2001" into 2001; returns null for anything else. */
export function parseFiscalYear(value: string): number | null {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(value.trim());
  if (!match) return null;
  const start = Number(match[1]);
  if (match[2] !== undefined && Number(match[2]) !== start + 1) return null;
  return start;
}

/**
 * Today's date where the programme is run (Ottawa), as YYYY-MM-DD: a report due "today" is not overdue until the day
 * is over there, whatever time zone the server runs in.
 */
export function todayInOttawa(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Toronto",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
