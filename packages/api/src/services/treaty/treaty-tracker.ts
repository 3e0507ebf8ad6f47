import { countries, type DbOrTx, mineProducers, stockpileDestructions, treatyStatus } from "@portal/db";
import { countInForceOn, countJoinedBy, standingOn, type TreatyRecord, type TreatyTrackerInput } from "@portal/domain";
import { asc, eq, isNotNull, or } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { todayInOttawa } from "../today";
import { filterStates } from "./filter-states";

/**
 * Every state the treaty data knows: any that deposited, completed stockpile destruction or produced AP mines. Flat
 * columns: a left-joined group is rebuilt below from its key, since an accession has no signature date.
 */
async function trackedStates(db: DbOrTx) {
  const rows = await db
    .select({
      iso2: countries.iso2,
      nameEn: countries.nameEn,
      nameFr: countries.nameFr,
      treatyIso2: treatyStatus.iso2,
      signedOn: treatyStatus.signedOn,
      depositedOn: treatyStatus.depositedOn,
      joinMethod: treatyStatus.joinMethod,
      entryIntoForceOn: treatyStatus.entryIntoForceOn,
      stockpileDeadlineOn: treatyStatus.stockpileDeadlineOn,
      withdrawalNotifiedOn: treatyStatus.withdrawalNotifiedOn,
      withdrawalEffectiveOn: treatyStatus.withdrawalEffectiveOn,
      treatySource: treatyStatus.source,
      treatyProvenance: treatyStatus.provenance,
      completedOn: stockpileDestructions.completedOn,
      completedPrecision: stockpileDestructions.precision,
      stockpileSource: stockpileDestructions.source,
      stockpileProvenance: stockpileDestructions.provenance,
      stillProducing2002: mineProducers.stillProducing2002,
      likelyStopped: mineProducers.likelyStopped,
      producerSource: mineProducers.source,
      producerProvenance: mineProducers.provenance,
    })
    .from(countries)
    .leftJoin(treatyStatus, eq(treatyStatus.iso2, countries.iso2))
    .leftJoin(stockpileDestructions, eq(stockpileDestructions.iso2, countries.iso2))
    .leftJoin(mineProducers, eq(mineProducers.iso2, countries.iso2))
    .where(or(isNotNull(treatyStatus.iso2), isNotNull(stockpileDestructions.iso2), isNotNull(mineProducers.iso2)))
    .orderBy(asc(countries.nameEn));
  return rows.map((row) => ({
    iso2: row.iso2,
    nameEn: row.nameEn,
    nameFr: row.nameFr,
    treaty:
      row.treatyIso2 && row.treatyProvenance && row.treatySource !== null
        ? {
            signedOn: row.signedOn,
            depositedOn: row.depositedOn,
            joinMethod: row.joinMethod,
            entryIntoForceOn: row.entryIntoForceOn,
            stockpileDeadlineOn: row.stockpileDeadlineOn,
            withdrawalNotifiedOn: row.withdrawalNotifiedOn,
            withdrawalEffectiveOn: row.withdrawalEffectiveOn,
            source: row.treatySource,
            provenance: row.treatyProvenance,
          }
        : null,
    stockpile:
      row.completedOn && row.completedPrecision && row.stockpileProvenance
        ? {
            completedOn: row.completedOn,
            precision: row.completedPrecision,
            source: row.stockpileSource,
            provenance: row.stockpileProvenance,
          }
        : null,
    producer:
      row.stillProducing2002 !== null && row.producerProvenance
        ? {
            stillProducing2002: row.stillProducing2002,
            likelyStopped: row.likelyStopped ?? false,
            /** What the table says of it: likely stopped (since 2002), still producing in 2002, or stopped before. */
            status: row.likelyStopped
              ? ("likelyStopped" as const)
              : row.stillProducing2002
                ? ("still" as const)
                : ("stopped" as const),
            source: row.producerSource,
            provenance: row.producerProvenance,
          }
        : null,
  }));
}

const recordOf = (treaty: {
  signedOn: string | null;
  depositedOn: string | null;
  withdrawalEffectiveOn: string | null;
}): TreatyRecord => ({
  signedOn: treaty.signedOn,
  depositedOn: treaty.depositedOn,
  withdrawalEffectiveOn: treaty.withdrawalEffectiveOn,
});

/** The first year of the timeline: the Convention opened for signature in Ottawa on 3 December 1997. */
const FIRST_YEAR = 1997;

/**
 * The States Parties over time: at the end of each year from 1997, how many states had joined (deposited an
 * instrument, less withdrawals in effect) and for how many the Convention was in force. The last year's point is
 * `until` (today).
 */
export function partiesTimeline(records: readonly TreatyRecord[], until: string) {
  const lastYear = Number(until.slice(0, 4));
  const points: { date: string; joined: number; inForce: number }[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const date = year === lastYear ? until : `${year}-12-31`;
    points.push({ date, joined: countJoinedBy(records, date), inForce: countInForceOn(records, date) });
  }
  return points;
}

/**
 * The universalisation tracker: each state's instruments, entry into force, stockpile deadline and completion,
 * producer status and withdrawal, with its standing on the date asked for (today by default), and the timeline.
 * `states` are those of the standing and search asked for, in the reader's (`locale`) alphabetical order; the totals
 * count every state. Everything is read from the treaty data; nothing here is a typed-in count.
 */
export async function treatyTracker(
  db: DbOrTx,
  actor: Actor,
  input: Pick<TreatyTrackerInput, "on" | "standing" | "q">,
  locale = "en",
) {
  requireCapability(actor, "grants.view.all");
  const today = todayInOttawa();
  const on = input.on ?? today;
  const rows = await trackedStates(db);
  // Drizzle gives a left-joined group that matched nothing as null: no instrument, no completion, not a producer.
  const noInstrument: TreatyRecord = { signedOn: null, depositedOn: null, withdrawalEffectiveOn: null };
  const states = rows.map((row) => ({
    iso2: row.iso2,
    nameEn: row.nameEn,
    nameFr: row.nameFr,
    standing: standingOn(row.treaty ? recordOf(row.treaty) : noInstrument, on),
    treaty: row.treaty,
    stockpile: row.stockpile,
    producer: row.producer,
  }));
  const records = rows.flatMap((row) => (row.treaty ? [recordOf(row.treaty)] : []));
  return {
    on,
    today,
    states: filterStates(states, { standing: input.standing, q: input.q, locale }),
    totals: { joined: countJoinedBy(records, on), inForce: countInForceOn(records, on) },
    // The whole history to today, whatever date the table is for.
    timeline: partiesTimeline(records, today),
  };
}
