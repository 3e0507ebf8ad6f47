import {
  allocations,
  type DbOrTx,
  fundingLines,
  grantAmendments,
  grantComponents,
  grants,
  programmes,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { type AmendmentDecisionAction, can, isOwnCreation, statusAfterAmendment } from "@portal/domain";
import { and, asc, desc, eq, inArray, notExists, notInArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { allocationsInScope, manageableGrants, visibleGrants } from "../grants/grant-scope";

/**
 * A grant's amendments as its page shows them, newest first. Staff see every proposal with who proposed and decided
 * it and what they may do with it now (the services check again on use); partners see only approved amendments,
 * without officers' names: a proposal is the ministry's internal business until it is approved.
 */
export async function grantAmendmentHistory(db: DbOrTx, actor: Actor, grantId: string) {
  const [grant] = await db
    .select({
      id: grants.id,
      status: grants.status,
      currency: grants.currency,
      // An officer outside the grant's programmes reads its history but is offered nothing (lock-grant refuses them).
      manageable: sql<boolean>`${manageableGrants(actor)}`,
    })
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)));
  if (!grant) throw refusal("NOT_FOUND", "noSuchGrant");
  const staff = can(actor.role, "grants.view.all");
  const proposer = alias(users, "proposer");
  const decider = alias(users, "decider");
  const shown: SQL | undefined = staff ? undefined : eq(grantAmendments.status, "approved");
  const rows = await db
    .select({
      amendment: grantAmendments,
      proposedBy: proposer.name,
      decidedBy: decider.name,
    })
    .from(grantAmendments)
    .innerJoin(proposer, eq(proposer.id, grantAmendments.proposedById))
    .leftJoin(decider, eq(decider.id, grantAmendments.decidedById))
    .where(and(eq(grantAmendments.grantId, grantId), shown))
    .orderBy(desc(grantAmendments.proposedAt), desc(grantAmendments.id));

  const pending = rows.some((r) => r.amendment.status === "pending");
  const amendments = rows.map(({ amendment, proposedBy, decidedBy }) => ({
    id: amendment.id,
    number: amendment.number,
    status: amendment.status,
    reason: amendment.reason,
    changes: amendment.changes,
    proposedAt: amendment.proposedAt,
    decidedAt: amendment.decidedAt,
    decisionReason: staff ? amendment.decisionReason : null,
    proposedBy: staff ? proposedBy : null,
    decidedBy: staff ? decidedBy : null,
    availableActions:
      amendment.status === "pending" && grant.manageable ? decisionsFor(actor, amendment.proposedById) : [],
  }));
  const mayPropose =
    grant.manageable && can(actor.role, "grants.manage") && statusAfterAmendment(grant.status) !== null && !pending;
  return {
    currency: grant.currency,
    amendments,
    proposal: mayPropose ? await proposalForm(db, actor, grantId) : null,
  };
}

function decisionsFor(actor: Actor, proposedById: string): AmendmentDecisionAction[] {
  const own = isOwnCreation(actor, proposedById);
  const actions: AmendmentDecisionAction[] = [];
  if (can(actor.role, "grants.approve") && !own) actions.push("approve", "reject");
  if (can(actor.role, "grants.manage") && own) actions.push("withdraw");
  return actions;
}

/**
 * What a proposal may change, as it stands: instalments not yet paid or cancelled, reports not yet accepted or waived;
 * and the allocations a new funding line may draw on (the officer's programmes', with what is still available).
 */
async function proposalForm(db: DbOrTx, actor: Actor, grantId: string) {
  const [[grant], components, lines, payments, requirements, allocationRows] = await Promise.all([
    db
      .select({
        endsOn: grants.endsOn,
        startsOn: grants.startsOn,
        totalAmount: grants.totalAmount,
        disbursed: grants.disbursed,
      })
      .from(grants)
      .where(eq(grants.id, grantId)),
    db
      .select({
        id: grantComponents.id,
        titleEn: grantComponents.titleEn,
        titleFr: grantComponents.titleFr,
        amount: grantComponents.amount,
      })
      .from(grantComponents)
      .where(eq(grantComponents.grantId, grantId))
      .orderBy(asc(grantComponents.position)),
    db
      .select({
        allocationId: fundingLines.allocationId,
        amount: fundingLines.amount,
        disbursed: fundingLines.disbursed,
        programme: programmes.code,
        fiscalYear: allocations.fiscalYear,
      })
      .from(fundingLines)
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(fundingLines.grantId, grantId))
      .orderBy(asc(allocations.fiscalYear), asc(programmes.code)),
    db
      .select({
        id: scheduledPayments.id,
        sequence: scheduledPayments.sequence,
        dueOn: scheduledPayments.dueOn,
        amount: scheduledPayments.amount,
      })
      .from(scheduledPayments)
      .where(and(eq(scheduledPayments.grantId, grantId), notInArray(scheduledPayments.status, ["paid", "cancelled"])))
      .orderBy(asc(scheduledPayments.sequence)),
    db
      .select({
        id: reportingRequirements.id,
        kind: reportingRequirements.kind,
        stage: reportingRequirements.stage,
        dueOn: reportingRequirements.dueOn,
      })
      .from(reportingRequirements)
      .where(
        and(
          eq(reportingRequirements.grantId, grantId),
          inArray(reportingRequirements.status, ["open", "submitted", "changes_requested", "resubmitted"]),
        ),
      )
      .orderBy(asc(reportingRequirements.dueOn)),
    db
      .select({
        allocationId: allocations.id,
        programme: programmes.code,
        fiscalYear: allocations.fiscalYear,
        available: sql<number>`(${allocations.amount} - ${allocations.committed})::bigint`.mapWith(Number),
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(
        and(
          allocationsInScope(actor),
          notExists(
            db
              .select({ one: sql`1` })
              .from(fundingLines)
              .where(and(eq(fundingLines.grantId, grantId), eq(fundingLines.allocationId, allocations.id))),
          ),
        ),
      )
      .orderBy(desc(allocations.fiscalYear), asc(programmes.code)),
  ]);
  return { ...grant!, components, fundingLines: lines, payments, requirements, newAllocations: allocationRows };
}
