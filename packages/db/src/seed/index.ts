import { type IsoDate, todayInOttawa } from "@portal/domain";
import type { Database } from "../client";
import { seedDemoRows } from "./demo";
import { seedReferenceRows } from "./reference";
import { summarise, type SeedSummary } from "./summary";
import { mergeWritten } from "./write";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts";
export { DEMO_2002_SNAPSHOT } from "./history-2002";
export { seedId } from "./ids";
export type { SeedSummary, SeededTable } from "./summary";

export interface SeedOptions {
  /** Load the demo (accounts with the published password, illustrative records) on top of the reference data. */
  demo: boolean;
  /**
   * The day the demo is dated (default: today in Ottawa): its present-day portfolio is built around it. Tests pin it,
   * most to DEMO_2002_SNAPSHOT (the FY 2002-2003 work in progress their fixtures use).
   */
  today?: IsoDate;
}

/**
 * Reference data (countries, the Ottawa Convention's states parties, stockpiles, producers), and with `demo` the
 * Canadian Landmine Fund's programmes, partners, grants, conferences and the demo accounts. Idempotent: every row has
 * a deterministic id or natural key and is inserted only if absent, so a second run writes nothing. One transaction:
 * a failure leaves the database as it was, and the deferred components-total check runs once at commit.
 */
export async function seed(db: Database, options: SeedOptions = { demo: true }): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const reference = await seedReferenceRows(tx);
    const demo = options.demo ? await seedDemoRows(tx, options.today ?? todayInOttawa()) : {};
    return summarise(tx, mergeWritten(reference, demo));
  });
}

/** What a deployment gets: reference data only. */
export function seedReference(db: Database): Promise<SeedSummary> {
  return seed(db, { demo: false });
}
