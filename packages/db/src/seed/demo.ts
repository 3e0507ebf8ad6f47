import type { IsoDate } from "@portal/domain";
import type { Tx } from "../client";
import { seedAmendments } from "./amendments";
import { seedAuditEvents } from "./audit";
import { seedConferences } from "./conferences";
import { HISTORICAL_GRANTS } from "./grant-definitions";
import { seedGrants } from "./grants";
import { assertDemoDate, fy2002Grants, isLivingDemo } from "./history-2002";
import { applyLedgerAdditions, LedgerAdditions } from "./ledger";
import { seedOrganisations } from "./organisations";
import { presentDayPortfolio } from "./present-day";
import { seedFiscalYears, seedProgrammes } from "./programmes";
import { seedUsers } from "./users";
import { mergeWritten, type Written } from "./write";

/**
 * The demo: the Canadian Landmine Fund's fiscal years, programmes, partners, grants and conferences, and the demo
 * accounts with their published password. Never loaded into a deployment unless asked for (`--demo`).
 * Needs the reference rows (countries) to be there already.
 *
 * `today` dates it. The 2001-2002 history is the same whatever the date. Dated in FY 2002-2003 (tests pin
 * DEMO_2002_SNAPSHOT), the demo is that year's work in progress; dated later, that work is concluded history and an
 * illustrative present-day portfolio (present-day.ts) gives today's dashboards today's work.
 */
export async function seedDemoRows(tx: Tx, today: IsoDate): Promise<Written> {
  assertDemoDate(today);
  const present = isLivingDemo(today) ? presentDayPortfolio(today) : null;
  const before = mergeWritten(await seedFiscalYears(tx, present?.fiscalYears), await seedOrganisations(tx));
  const ledger = new LedgerAdditions();
  // Allocations start at zero; the new grants and direct costs below add what they commit and spend.
  const { written: programmeWritten, allocationIdOf } = await seedProgrammes(tx, present?.allocations);
  const { written: userWritten, userIds } = await seedUsers(tx);
  const { written: grantWritten, newGrants } = await seedGrants(
    tx,
    [...HISTORICAL_GRANTS, ...fy2002Grants(today), ...(present?.grants ?? [])],
    { users: userIds, allocationIdOf, ledger },
  );
  const { written: conferenceWritten, newConferenceIds } = await seedConferences(tx, ledger);
  await applyLedgerAdditions(tx, ledger);
  const auditWritten = await seedAuditEvents(tx, newGrants, newConferenceIds);
  // The present-day amendment awaiting approval, on a grant written above (its proposal logged after the grant's
  // creation); pending, it moves no figure.
  const amendmentWritten = await seedAmendments(tx, present?.amendments ?? [], newGrants, userIds);
  return mergeWritten(
    before,
    programmeWritten,
    userWritten,
    grantWritten,
    amendmentWritten,
    conferenceWritten,
    auditWritten,
  );
}
