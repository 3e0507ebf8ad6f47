import { allocations, type DbOrTx, fundingLines, grants } from "@portal/db";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";

/** Grants that never became an agreement: their funding lines are plans, not funding. */
const NOT_AGREED = ["draft", "submitted", "cancelled"] as const;

/**
 * An organisation's funding per fiscal year: the sum of its agreed grants' funding lines charged to that year's
 * allocations (CAD), what was paid from them, and how many grants they belong to.
 */
export async function fundingByFiscalYear(db: DbOrTx, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      organisationId: grants.recipientId,
      fiscalYear: allocations.fiscalYear,
      amount: sql<number>`sum(${fundingLines.amount})::bigint`.mapWith(Number),
      disbursed: sql<number>`sum(${fundingLines.disbursed})::bigint`.mapWith(Number),
      grants: sql<number>`count(distinct ${grants.id})::int`.mapWith(Number),
    })
    .from(fundingLines)
    .innerJoin(grants, eq(grants.id, fundingLines.grantId))
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .where(and(inArray(grants.recipientId, [...organisationIds]), notInArray(grants.status, [...NOT_AGREED])))
    .groupBy(grants.recipientId, allocations.fiscalYear)
    .orderBy(asc(allocations.fiscalYear));
}
