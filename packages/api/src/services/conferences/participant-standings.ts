import type { DbOrTx } from "@portal/db";
import { joinedWithin, outcomeMeasure, standingOn } from "@portal/domain";
import { todayInOttawa } from "../today";
import { treatyRecordsFor } from "../treaty/treaty-records";

/**
 * Each state's treaty standing on a conference's start date, computed from the treaty data (never stored with the
 * conference), and the conference's outcome measure: of the participants that had not yet joined, those that
 * ratified or acceded within 24 months after it.
 */
export async function standingsAt(
  db: DbOrTx,
  startsOn: string,
  participants: readonly string[],
  others: readonly string[] = [],
) {
  const records = await treatyRecordsFor(db, [...participants, ...others]);
  const state = (iso2: string) => {
    const record = records.get(iso2);
    const treaty = record ?? { signedOn: null, depositedOn: null, withdrawalEffectiveOn: null };
    return {
      iso2,
      nameEn: record?.nameEn ?? iso2,
      nameFr: record?.nameFr ?? iso2,
      standing: standingOn(treaty, startsOn),
      signedOn: record?.signedOn ?? null,
      depositedOn: record?.depositedOn ?? null,
      joinMethod: record?.joinMethod ?? null,
      entryIntoForceOn: record?.entryIntoForceOn ?? null,
      joinedWithinWindow: joinedWithin(treaty, startsOn),
    };
  };
  const measure = outcomeMeasure(
    participants.map((iso2) => ({ iso2, record: records.get(iso2) ?? null })),
    startsOn,
  );
  return {
    state,
    outcome: {
      ...measure,
      /** False while the window is still open: more states may yet join. */
      complete: measure.windowEndsOn < todayInOttawa(),
      joinedStates: measure.joined.map(state),
    },
  };
}
