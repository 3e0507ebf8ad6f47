import { countries, type DbOrTx, mineProducers, stockpileDestructions, treatyStatus } from "@portal/db";
import { countJoinedBy } from "@portal/domain";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/**
 * The source document's universalisation figures (Canadian Landmine Fund report 2001-2002, citing the Landmine
 * Monitor 2002). They are what the data must reproduce, shown next to the counts computed from it; they are never
 * used as counts themselves.
 */
export const SOURCE_DOCUMENT_FIGURES = {
  /** "By November 2002, 130 states had formally joined the Convention." */
  joinedBy: "2002-11-30",
  joined: 130,
  /** "Six more countries have completed their stockpile destruction ... bringing the total number of countries to 33." */
  completed: 33,
  completedInPeriod: 6,
  /** Landmine Monitor 2002 reports on May 2001 through July 2002. */
  periodFrom: "2001-05-01",
  periodTo: "2002-07-31",
  /** "Overall, country producers have dropped from 55 to 14"; three of the 14 likely no longer produce. */
  producersBefore: 55,
  producersStill: 14,
  likelyStopped: 3,
} as const;

const nameColumns = { iso2: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr };

/**
 * The figures reproduced from the data: states that had joined by the end of November 2002 (deposits less
 * withdrawals in effect), stockpile destructions completed by then and those of the reporting year, and producers.
 * Each comes with how much of it is sourced and how much illustrative, so the page can say which is which.
 */
export async function universalisationFigures(
  db: DbOrTx,
  actor: Actor,
  at: { joinedBy: string; periodFrom: string; periodTo: string } = SOURCE_DOCUMENT_FIGURES,
) {
  requireCapability(actor, "grants.view.all");
  const figures = { ...SOURCE_DOCUMENT_FIGURES, ...at };
  const [records, completions, producers] = await Promise.all([
    db
      .select({
        iso2: treatyStatus.iso2,
        signedOn: treatyStatus.signedOn,
        depositedOn: treatyStatus.depositedOn,
        withdrawalEffectiveOn: treatyStatus.withdrawalEffectiveOn,
        provenance: treatyStatus.provenance,
      })
      .from(treatyStatus),
    db
      .select({
        ...nameColumns,
        completedOn: stockpileDestructions.completedOn,
        precision: stockpileDestructions.precision,
        source: stockpileDestructions.source,
        provenance: stockpileDestructions.provenance,
      })
      .from(stockpileDestructions)
      .innerJoin(countries, eq(countries.iso2, stockpileDestructions.iso2))
      .where(lte(stockpileDestructions.completedOn, figures.joinedBy))
      .orderBy(asc(stockpileDestructions.completedOn), asc(countries.nameEn)),
    db
      .select({
        ...nameColumns,
        stillProducing2002: mineProducers.stillProducing2002,
        likelyStopped: mineProducers.likelyStopped,
        source: mineProducers.source,
        provenance: mineProducers.provenance,
      })
      .from(mineProducers)
      .innerJoin(countries, eq(countries.iso2, mineProducers.iso2))
      .orderBy(asc(countries.nameEn)),
  ]);
  const inPeriod = completions.filter(
    (row) => row.completedOn >= figures.periodFrom && row.completedOn <= figures.periodTo,
  );
  const still = producers.filter((row) => row.stillProducing2002);
  const illustrative = <T extends { provenance: string }>(rows: readonly T[]) =>
    rows.filter((row) => row.provenance === "illustrative").length;
  const joined = countJoinedBy(records, figures.joinedBy);
  const likelyStopped = still.filter((row) => row.likelyStopped);
  // Each figure says whether it reproduces the source document's own: the page shows the verdict, it does not judge.
  return {
    source: figures,
    joined: {
      by: figures.joinedBy,
      count: joined,
      illustrative: illustrative(records.filter((r) => r.depositedOn !== null && r.depositedOn <= figures.joinedBy)),
      agreesWithSource: joined === figures.joined,
    },
    stockpiles: {
      by: figures.joinedBy,
      count: completions.length,
      illustrative: illustrative(completions),
      period: { from: figures.periodFrom, to: figures.periodTo, states: inPeriod },
      agreesWithSource: completions.length === figures.completed && inPeriod.length === figures.completedInPeriod,
    },
    producers: {
      before: producers.length,
      still: still.length,
      illustrative: illustrative(producers),
      likelyStopped,
      agreesWithSource:
        producers.length === figures.producersBefore &&
        still.length === figures.producersStill &&
        likelyStopped.length === figures.likelyStopped,
    },
  };
}

/** Deposits in a date range, for "encouraging additions during the year" (Angola and Afghanistan in 2002). */
export async function depositsBetween(db: DbOrTx, from: string, to: string) {
  return db
    .select({ ...nameColumns, depositedOn: treatyStatus.depositedOn, joinMethod: treatyStatus.joinMethod })
    .from(treatyStatus)
    .innerJoin(countries, eq(countries.iso2, treatyStatus.iso2))
    .where(and(gte(treatyStatus.depositedOn, from), lte(treatyStatus.depositedOn, to)))
    .orderBy(asc(treatyStatus.depositedOn));
}
