import type { IsoDate } from "@portal/domain";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { mineProducers, stockpileDestructions } from "../schema";
import { parsePartialDate, readStatesParties, readStockpileCompletions } from "./csv";
import { insertNew, type Written } from "./write";

/** Where the three named producers come from: the source document, citing the Landmine Monitor 2002. */
export const SOURCE_DOCUMENT = "Canada, Canadian Landmine Fund report 2001-2002 (citing Landmine Monitor 2002)";

/** Source document: "bringing the total number of countries to 33" (reported by November 2002). */
const COMPLETED_BY_NOVEMBER_2002 = 33;
const NOVEMBER_2002_END: IsoDate = "2002-11-30";
/** Landmine Monitor 2002 covers May 2001 to July 2002; the six completions the source document names fall in it. */
const REPORTING_PERIOD_START: IsoDate = "2001-05-01";

/**
 * UNSOURCED (provenance `illustrative`): the 27 sourced completions leave six of the document's 33 without a sourced
 * date (South Africa, the Philippines and a few others; a committee summary of February 2003 implies 32, so the
 * sources disagree by one). These six states had deposited by then and are dated before the Landmine Monitor 2002
 * period, so that the period holds exactly the six named completions. An officer may replace any with a sourced date.
 */
const UNSOURCED_COMPLETIONS: readonly [iso2: string, completed: string][] = [
  ["HR", "2000-10"],
  ["IT", "2000-11"],
  ["NI", "2000-04"],
  ["NL", "2000-12"],
  ["PH", "2000-09"],
  ["ZA", "1999-05"],
];

type StockpileRow = typeof stockpileDestructions.$inferInsert;

function sourcedCompletionRows(): StockpileRow[] {
  return readStockpileCompletions().map((row) => ({
    iso2: row.iso2,
    completedOn: row.completedOn,
    precision: row.precision,
    source: row.source,
    provenance: "public-record",
  }));
}

function unsourcedCompletionRows(): StockpileRow[] {
  return UNSOURCED_COMPLETIONS.map(([iso2, completed]) => {
    const { date, precision } = parsePartialDate(completed);
    return { iso2, completedOn: date, precision, source: null, provenance: "illustrative" };
  });
}

/**
 * Refuses a list that would contradict the treaty data or the source document's total. A sourced completion may
 * precede the deposit (Norway destroyed its stock in 1996); an unsourced one may not, nor fall in the period.
 */
function assertCompletionsConsistent(rows: readonly StockpileRow[]): void {
  const deposits = new Map(readStatesParties().map((party) => [party.iso2, party.depositedOn]));
  for (const row of rows) {
    const deposited = deposits.get(row.iso2);
    if (!deposited) throw new Error(`Stockpile completion for ${row.iso2}, which never deposited an instrument`);
    if (row.provenance !== "illustrative") continue;
    if (deposited >= row.completedOn) {
      throw new Error(`Unsourced completion for ${row.iso2} (${row.completedOn}) precedes its deposit (${deposited})`);
    }
    if (row.completedOn >= REPORTING_PERIOD_START) {
      throw new Error(`Unsourced completion for ${row.iso2} falls in the Landmine Monitor 2002 period`);
    }
  }
  const codes = new Set(rows.map((row) => row.iso2));
  const byNovember2002 = rows.filter((row) => row.completedOn <= NOVEMBER_2002_END).length;
  if (codes.size !== rows.length || byNovember2002 !== COMPLETED_BY_NOVEMBER_2002) {
    throw new Error(
      `Expected ${COMPLETED_BY_NOVEMBER_2002} distinct completions by ${NOVEMBER_2002_END}, got ${byNovember2002}`,
    );
  }
}

export function stockpileRows(): StockpileRow[] {
  const rows = [...sourcedCompletionRows(), ...unsourcedCompletionRows()];
  assertCompletionsConsistent(rows);
  return rows;
}

/**
 * Inserts the completions, and brings a database seeded from an older list up to date: a sourced row replaces the
 * seed's own unsourced row for that state, and unsourced rows the list no longer holds are removed. Rows an officer
 * entered (provenance `entered`) are never touched.
 */
export async function seedStockpileDestructions(tx: Tx): Promise<Written> {
  const rows = stockpileRows();
  const listed = rows.map((row) => row.iso2);
  const removed = await tx
    .delete(stockpileDestructions)
    .where(and(eq(stockpileDestructions.provenance, "illustrative"), notInArray(stockpileDestructions.iso2, listed)))
    .returning({ iso2: stockpileDestructions.iso2 });
  const written = await tx
    .insert(stockpileDestructions)
    .values(rows)
    .onConflictDoUpdate({
      target: stockpileDestructions.iso2,
      set: {
        completedOn: sql`excluded.completed_on`,
        precision: sql`excluded.precision`,
        source: sql`excluded.source`,
        provenance: sql`excluded.provenance`,
      },
      // Only the seed's own rows, and only when something changed: a second run writes nothing.
      setWhere: sql`${stockpileDestructions.provenance} in ('illustrative', 'public-record') and (${stockpileDestructions.completedOn}, ${stockpileDestructions.precision}, ${stockpileDestructions.source}, ${stockpileDestructions.provenance}) is distinct from (excluded.completed_on, excluded.precision, excluded.source, excluded.provenance)`,
    })
    .returning({ iso2: stockpileDestructions.iso2 });
  return { stockpile_destructions: removed.length + written.length };
}

/** Source document: producers "dropped from 55 to 14". */
const PRE_CONVENTION_PRODUCERS = 55;
const STILL_PRODUCING_2002 = 14;

/** Named by the source document as not having formally halted production, with indications that they no longer produce. */
const LIKELY_STOPPED: readonly string[] = ["EG", "KR", "US"];

/**
 * ILLUSTRATIVE except the three above: no sourced list of the 14 was found. The brief offered fifteen names commonly
 * cited from Landmine Monitor (Burma/Myanmar, China, Cuba, Egypt, India, Iran, Iraq, North Korea, South Korea, Nepal,
 * Pakistan, Russia, Singapore, the United States, Vietnam); Nepal is left out because, as far as we know (unverified),
 * Landmine Monitor added it only in a later edition. All 14 were non-parties in 2002, as producers had to be.
 */
const STILL_PRODUCING: readonly string[] = [
  "CN",
  "CU",
  "EG",
  "IN",
  "IQ",
  "IR",
  "KP",
  "KR",
  "MM",
  "PK",
  "RU",
  "SG",
  "US",
  "VN",
];

/**
 * ILLUSTRATIVE: 41 plausible pre-Convention producers that had stopped by 2002 (mostly States Parties by then, plus
 * a few non-parties that had declared a halt), so that 14 of 55 still produce, as the source document says.
 */
const STOPPED_BEFORE_2002: readonly string[] = [
  "AL",
  "AR",
  "AT",
  "AU",
  "BA",
  "BE",
  "BG",
  "BR",
  "BY",
  "CA",
  "CH",
  "CL",
  "CO",
  "CY",
  "CZ",
  "DE",
  "DK",
  "ES",
  "FR",
  "GB",
  "GR",
  "HR",
  "HU",
  "IT",
  "JP",
  "NL",
  "NO",
  "PE",
  "PH",
  "PT",
  "RO",
  "RS",
  "SE",
  "SI",
  "SK",
  "TH",
  "TR",
  "UA",
  "UG",
  "ZA",
  "ZW",
];

type ProducerRow = typeof mineProducers.$inferInsert;

function producerRow(iso2: string, stillProducing2002: boolean): ProducerRow {
  const named = LIKELY_STOPPED.includes(iso2);
  return {
    iso2,
    stillProducing2002,
    likelyStopped: named,
    source: named ? SOURCE_DOCUMENT : null,
    provenance: named ? "source-document" : "illustrative",
  };
}

export function producerRows(): ProducerRow[] {
  const rows = [
    ...STILL_PRODUCING.map((iso2) => producerRow(iso2, true)),
    ...STOPPED_BEFORE_2002.map((iso2) => producerRow(iso2, false)),
  ];
  const distinct = new Set(rows.map((row) => row.iso2)).size;
  if (
    distinct !== PRE_CONVENTION_PRODUCERS ||
    rows.length !== PRE_CONVENTION_PRODUCERS ||
    STILL_PRODUCING.length !== STILL_PRODUCING_2002
  ) {
    throw new Error(
      `Expected ${PRE_CONVENTION_PRODUCERS} distinct producers with ${STILL_PRODUCING_2002} still producing`,
    );
  }
  return rows;
}

export async function seedMineProducers(tx: Tx): Promise<Written> {
  return { mine_producers: await insertNew(tx, mineProducers, producerRows()) };
}
