import type { Database } from "../client";
import { seedAuditEvents } from "./audit";
import { seedCountries, seedTreatyStatus } from "./countries-and-treaty";
import { seedConferences } from "./conferences";
import { seedGrants } from "./grants";
import { applyLedgerAdditions, LedgerAdditions } from "./ledger";
import { seedOrganisations } from "./organisations";
import { seedFiscalYears, seedProgrammes } from "./programmes";
import { seedMineProducers, seedStockpileDestructions } from "./stockpiles-and-producers";
import { summarise, type SeedSummary } from "./summary";
import { seedUsers } from "./users";
import { mergeWritten } from "./write";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts";
export { seedId } from "./ids";
export type { SeedSummary, SeededTable } from "./summary";

/**
 * Fills the database with reference data (countries, the Ottawa Convention's states parties), the Canadian Landmine
 * Fund's programmes, partners, grants and conferences, and the demo accounts. Idempotent: every row has a
 * deterministic id or natural key and is inserted only if absent, so a second run writes nothing. One transaction:
 * a failure leaves the database as it was, and the deferred components-total check runs once at commit.
 */
export async function seed(db: Database): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const reference = mergeWritten(
      await seedCountries(tx),
      await seedTreatyStatus(tx),
      await seedStockpileDestructions(tx),
      await seedMineProducers(tx),
      await seedFiscalYears(tx),
      await seedOrganisations(tx),
    );
    const ledger = new LedgerAdditions();
    // Allocations start at zero; the new grants and direct costs below add what they commit and spend.
    const programmeWritten = await seedProgrammes(tx);
    const { written: userWritten, userIds } = await seedUsers(tx);
    const { written: grantWritten, newGrants } = await seedGrants(tx, userIds, ledger);
    const { written: conferenceWritten, newConferenceIds } = await seedConferences(tx, ledger);
    await applyLedgerAdditions(tx, ledger);
    const auditWritten = await seedAuditEvents(tx, newGrants, newConferenceIds);
    return summarise(
      tx,
      mergeWritten(reference, programmeWritten, userWritten, grantWritten, conferenceWritten, auditWritten),
    );
  });
}
