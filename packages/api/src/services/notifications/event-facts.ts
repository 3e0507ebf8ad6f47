import {
  allocations,
  type DbOrTx,
  fundingLines,
  grants,
  organisations,
  programmes,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { eq, inArray } from "drizzle-orm";
import type { NotificationParams } from "./render";

/**
 * Audit events carry the change (entity, before, after) but not the names a message needs: these small lookups add
 * the grant's titles, the report's kind and the organisation's name.
 */
export async function grantFacts(db: DbOrTx, grantId: string) {
  const [row] = await db
    .select({
      grant: grants,
      organisation: { nameEn: organisations.legalNameEn, acronym: organisations.acronym },
    })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(eq(grants.id, grantId));
  if (!row) return null;
  const params: NotificationParams = {
    grantTitleEn: row.grant.titleEn,
    grantTitleFr: row.grant.titleFr,
    grantReference: row.grant.reference,
    currency: row.grant.currency,
    organisation: row.organisation.acronym ?? row.organisation.nameEn,
  };
  return { grant: row.grant, params };
}

export async function requirementFacts(db: DbOrTx, requirementId: string) {
  const [requirement] = await db
    .select()
    .from(reportingRequirements)
    .where(eq(reportingRequirements.id, requirementId));
  if (!requirement) return null;
  const facts = await grantFacts(db, requirement.grantId);
  if (!facts) return null;
  return {
    requirement,
    grant: facts.grant,
    params: {
      ...facts.params,
      reportKind: requirement.kind,
      reportStage: requirement.stage,
      dueOn: requirement.dueOn,
    } satisfies NotificationParams,
  };
}

export async function paymentFacts(db: DbOrTx, paymentId: string) {
  const [payment] = await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, paymentId));
  if (!payment) return null;
  const facts = await grantFacts(db, payment.grantId);
  if (!facts) return null;
  return {
    payment,
    grant: facts.grant,
    params: { ...facts.params, sequence: payment.sequence, amountCents: payment.amount } satisfies NotificationParams,
  };
}

export async function userName(db: DbOrTx, userId: string | null): Promise<string> {
  if (!userId) return "";
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? "";
}

const allocationColumns = {
  id: allocations.id,
  amount: allocations.amount,
  committed: allocations.committed,
  fiscalYear: allocations.fiscalYear,
  nameEn: programmes.nameEn,
  nameFr: programmes.nameFr,
};
export type AllocationFacts = Awaited<ReturnType<typeof allocationsById>>[number];

/** Allocations with their committed share and programme names, as they are now. */
export function allocationsById(db: DbOrTx, ids: readonly string[]) {
  return db
    .select(allocationColumns)
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(inArray(allocations.id, [...ids]));
}

/** The allocations a grant draws on, with their committed share. */
export function allocationsOfGrant(db: DbOrTx, grantId: string) {
  return db
    .selectDistinct(allocationColumns)
    .from(fundingLines)
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(eq(fundingLines.grantId, grantId));
}
