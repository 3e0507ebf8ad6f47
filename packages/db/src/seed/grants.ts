import type { Tx } from "../client";
import {
  disbursements,
  fundingLines,
  grantComponents,
  grants,
  reportingRequirements,
  reportSubmissions,
  scheduledPayments,
} from "../schema";
import { type GrantAggregate, type GrantDefinition, planGrant } from "./grant-plan";
import type { LedgerAdditions } from "./ledger";
import type { AllocationIdOf } from "./programmes";
import type { UserIds } from "./users";
import { insertNew, insertNewRows, type Written } from "./write";

/** Children in foreign-key order: requirements before the submissions and payments that point at them. */
async function insertChildren(tx: Tx, aggregates: readonly GrantAggregate[]): Promise<Written> {
  return {
    grant_components: await insertNew(
      tx,
      grantComponents,
      aggregates.flatMap((a) => a.components),
    ),
    funding_lines: await insertNew(
      tx,
      fundingLines,
      aggregates.flatMap((a) => a.fundingLines),
    ),
    reporting_requirements: await insertNew(
      tx,
      reportingRequirements,
      aggregates.flatMap((a) => a.requirements),
    ),
    report_submissions: await insertNew(
      tx,
      reportSubmissions,
      aggregates.flatMap((a) => a.submissions),
    ),
    scheduled_payments: await insertNew(
      tx,
      scheduledPayments,
      aggregates.flatMap((a) => a.payments),
    ),
    disbursements: await insertNew(
      tx,
      disbursements,
      aggregates.flatMap((a) => a.disbursements),
    ),
  };
}

/**
 * A grant is written whole or not at all: its children are inserted only with a new grant, so a seeded grant an
 * officer has since edited (components re-balanced, payments changed) is never topped up with seed rows again.
 */
export async function seedGrants(
  tx: Tx,
  definitions: readonly GrantDefinition[],
  context: { users: UserIds; allocationIdOf: AllocationIdOf; ledger: LedgerAdditions },
): Promise<{ written: Written; newGrants: GrantAggregate[] }> {
  const { users, allocationIdOf, ledger } = context;
  const aggregates = definitions.map((definition) => planGrant(definition, users, allocationIdOf));
  const inserted = await insertNewRows(
    tx,
    grants,
    aggregates.map((aggregate) => aggregate.grant),
  );
  const newIds = new Set(inserted.map((row) => row.id));
  const newGrants = aggregates.filter((aggregate) => newIds.has(aggregate.grant.id));
  const written = {
    grants: inserted.length,
    ...(await insertChildren(tx, newGrants)),
  };
  ledger.addFundingLines(newGrants.flatMap((aggregate) => aggregate.fundingLines.map((line) => line.id)));
  return { written, newGrants };
}
