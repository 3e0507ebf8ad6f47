import type { Tx } from "../client";
import { seedAuditEvents } from "./audit";
import { seedConferences } from "./conferences";
import { seedGrants } from "./grants";
import { applyLedgerAdditions, LedgerAdditions } from "./ledger";
import { seedOrganisations } from "./organisations";
import { seedFiscalYears, seedProgrammes } from "./programmes";
import { seedUsers } from "./users";
import { mergeWritten, type Written } from "./write";

/**
 * The demo: the Canadian Landmine Fund's fiscal years, programmes, partners, grants and conferences, and the demo
 * accounts with their published password. Never loaded into a deployment unless asked for (`--demo`).
 * Needs the reference rows (countries) to be there already.
 */
export async function seedDemoRows(tx: Tx): Promise<Written> {
  const before = mergeWritten(await seedFiscalYears(tx), await seedOrganisations(tx));
  const ledger = new LedgerAdditions();
  // Allocations start at zero; the new grants and direct costs below add what they commit and spend.
  const programmeWritten = await seedProgrammes(tx);
  const { written: userWritten, userIds } = await seedUsers(tx);
  const { written: grantWritten, newGrants } = await seedGrants(tx, userIds, ledger);
  const { written: conferenceWritten, newConferenceIds } = await seedConferences(tx, ledger);
  await applyLedgerAdditions(tx, ledger);
  const auditWritten = await seedAuditEvents(tx, newGrants, newConferenceIds);
  return mergeWritten(before, programmeWritten, userWritten, grantWritten, conferenceWritten, auditWritten);
}
