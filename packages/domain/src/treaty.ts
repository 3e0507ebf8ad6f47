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
