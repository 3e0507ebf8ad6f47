import { type IsoDate, parseIsoDate } from "./fiscal-year";

/** The Convention itself entered into force on 1 March 1999 (six months after the 40th deposit, 16 September 1998). */
export const CONVENTION_ENTRY_INTO_FORCE: IsoDate = "1999-03-01";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Art. 17: for a state depositing after the 40th instrument, the first day of the sixth month after the month of
 * deposit; never before the Convention's own entry into force.
 */
export function entryIntoForce(deposited: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(deposited);
  const index = year * 12 + (month - 1) + 6;
  const date = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
  return date < CONVENTION_ENTRY_INTO_FORCE ? CONVENTION_ENTRY_INTO_FORCE : date;
}

/** Art. 4: stockpiles destroyed no later than four years after entry into force for that state. */
export function stockpileDeadline(entryIntoForceOn: IsoDate): IsoDate {
  const { year, month, day } = parseIsoDate(entryIntoForceOn);
  return `${year + 4}-${pad(month)}-${pad(day)}`;
}

export type TreatyStanding = "non-signatory" | "signatory" | "party-pending" | "state-party" | "withdrawn";

export interface TreatyRecord {
  signedOn: IsoDate | null;
  depositedOn: IsoDate | null;
  withdrawalEffectiveOn: IsoDate | null;
}

/**
 * A state's standing on a date: signatory (signed, not yet deposited), party-pending (deposited, not yet in force),
 * state-party, or withdrawn (after the withdrawal took effect).
 */
export function standingOn(record: TreatyRecord, date: IsoDate): TreatyStanding {
  if (record.withdrawalEffectiveOn && date >= record.withdrawalEffectiveOn) return "withdrawn";
  if (record.depositedOn && date >= record.depositedOn) {
    return date >= entryIntoForce(record.depositedOn) ? "state-party" : "party-pending";
  }
  if (record.signedOn && date >= record.signedOn) return "signatory";
  return "non-signatory";
}

/** Whether the state had formally joined (deposited its instrument) by the date. */
export function hasJoinedBy(record: TreatyRecord, date: IsoDate): boolean {
  return (
    record.depositedOn !== null &&
    record.depositedOn <= date &&
    !(record.withdrawalEffectiveOn && record.withdrawalEffectiveOn <= date)
  );
}

/** Every standing standingOn can return, in the order a state moves through them. */
export const TREATY_STANDINGS = [
  "non-signatory",
  "signatory",
  "party-pending",
  "state-party",
  "withdrawn",
] as const satisfies readonly TreatyStanding[];

const DAYS_IN_MONTH = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` calendar months later, clamped to the end of a shorter month (2001-08-31 + 6 = 2002-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, DAYS_IN_MONTH(y, m)))}`;
}

/** A conference's outcome is measured over the 24 months after it starts. */
export const OUTCOME_WINDOW_MONTHS = 24;

/**
 * Whether a state that had not yet joined on `from` (no instrument deposited by that day) deposited its ratification
 * or accession in the `months` that followed: after `from`, up to and including the same day `months` later.
 */
export function joinedWithin(record: TreatyRecord, from: IsoDate, months: number = OUTCOME_WINDOW_MONTHS): boolean {
  if (hasJoinedBy(record, from) || record.depositedOn === null) return false;
  return record.depositedOn > from && record.depositedOn <= addMonths(from, months);
}

export interface OutcomeMeasure {
  /** The last day of the window: the start date plus the window's months. */
  windowEndsOn: IsoDate;
  windowMonths: number;
  /** Participating states that had not deposited an instrument by the start date. */
  notYetParties: string[];
  /** Those of them that deposited within the window. */
  joined: string[];
}

/**
 * The outcome measure of a conference: how many participating states that were not yet parties when it started
 * ratified or acceded within the window after it. `records` maps each participant (ISO code) to its treaty record;
 * a state with no record never signed nor joined.
 */
export function outcomeMeasure(
  participants: readonly { iso2: string; record: TreatyRecord | null }[],
  startsOn: IsoDate,
  months: number = OUTCOME_WINDOW_MONTHS,
): OutcomeMeasure {
  const notYet = participants.filter((p) => !p.record || !hasJoinedBy(p.record, startsOn));
  return {
    windowEndsOn: addMonths(startsOn, months),
    windowMonths: months,
    notYetParties: notYet.map((p) => p.iso2),
    joined: notYet.filter((p) => p.record && joinedWithin(p.record, startsOn, months)).map((p) => p.iso2),
  };
}

/** How many states had formally joined (deposited, and not withdrawn) by the date. */
export function countJoinedBy(records: readonly TreatyRecord[], date: IsoDate): number {
  return records.filter((record) => hasJoinedBy(record, date)).length;
}

/** How many states were bound by the Convention (in force for them, and not withdrawn) on the date. */
export function countInForceOn(records: readonly TreatyRecord[], date: IsoDate): number {
  return records.filter((record) => standingOn(record, date) === "state-party").length;
}
