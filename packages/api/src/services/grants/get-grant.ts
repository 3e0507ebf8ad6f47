import {
  allocations,
  type DbOrTx,
  disbursements,
  fundingLines,
  grantComponents,
  grants,
  organisations,
  programmes,
  reportingRequirements,
  reportSubmissions,
  scheduledPayments,
  users,
} from "@portal/db";
import {
  allowedPaymentActions,
  can,
  DISBURSABLE_STATUSES,
  FINISHED_STATUSES,
  grantActionsFor,
  isRequirementOverdue,
  paymentRules,
  readOnlyReason,
  requirementActionsFor,
  remainingToPay,
  REVERSIBLE_STATUSES,
  sumMinor,
} from "@portal/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { awaitsHold } from "../payments/payment-holds";
import { maySubmitReports } from "../requirements/report-submitters";
import { todayInOttawa } from "../today";
import { committedAmount } from "./commitments";
import { assignedProgrammeCount, manageableGrants, visibleGrants } from "./grant-scope";
import { shapedFor } from "./partner-view";

/**
 * A grant with everything its detail page shows, including its budget figures and the actions the actor may take now
 * (the services check again on use); NOT_FOUND when it does not exist or the actor may not see it. A grant the actor
 * may only read (an officer outside their programmes) offers no action and says why (`readOnlyReason`).
 */
export async function getGrantOrThrow(db: DbOrTx, actor: Actor, id: string) {
  const leadOfficer = alias(users, "lead_officer");
  const [grant] = await db
    .select({
      grant: grants,
      recipient: {
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      },
      leadOfficerName: leadOfficer.name,
      committed: committedAmount(grants.status, grants.totalAmount, grants.disbursed),
      // The condition every mutation's lock applies (lock-grant.ts), so what is offered is what will be allowed.
      manageable: sql<boolean>`${manageableGrants(actor)}`,
    })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .leftJoin(leadOfficer, eq(leadOfficer.id, grants.leadOfficerId))
    .where(and(eq(grants.id, id), visibleGrants(actor)));
  if (!grant) throw refusal("NOT_FOUND", "noSuchGrant");
  const status = grant.grant.status;

  const [components, lines, payments, ledger, requirements, submissions, maySubmit, assigned] = await Promise.all([
    db.select().from(grantComponents).where(eq(grantComponents.grantId, id)).orderBy(asc(grantComponents.position)),
    db
      .select({
        id: fundingLines.id,
        allocationId: fundingLines.allocationId,
        amount: fundingLines.amount,
        disbursed: fundingLines.disbursed,
        committed: committedAmount(status, fundingLines.amount, fundingLines.disbursed),
        fiscalYear: allocations.fiscalYear,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
        provenance: fundingLines.provenance,
      })
      .from(fundingLines)
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(fundingLines.grantId, id))
      .orderBy(asc(allocations.fiscalYear), asc(programmes.code), asc(fundingLines.id)),
    db
      .select()
      .from(scheduledPayments)
      .where(eq(scheduledPayments.grantId, id))
      .orderBy(asc(scheduledPayments.sequence)),
    db
      .select()
      .from(disbursements)
      .where(eq(disbursements.grantId, id))
      .orderBy(asc(disbursements.paidOn), asc(disbursements.createdAt)),
    db
      .select()
      .from(reportingRequirements)
      .where(eq(reportingRequirements.grantId, id))
      .orderBy(asc(reportingRequirements.dueOn)),
    db
      .select({
        id: reportSubmissions.id,
        requirementId: reportSubmissions.requirementId,
        body: reportSubmissions.body,
        submittedAt: reportSubmissions.submittedAt,
        decision: reportSubmissions.decision,
        response: reportSubmissions.response,
        respondedAt: reportSubmissions.respondedAt,
      })
      .from(reportSubmissions)
      .innerJoin(reportingRequirements, eq(reportingRequirements.id, reportSubmissions.requirementId))
      .where(eq(reportingRequirements.grantId, id))
      .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id)),
    maySubmitReports(db, actor, grant.grant.recipientId),
    grant.manageable ? Promise.resolve(0) : assignedProgrammeCount(db, actor),
  ]);

  const today = todayInOttawa();
  const overdue = new Set(requirements.filter((r) => isRequirementOverdue(r.status, r.dueOn, today)).map((r) => r.id));
  const reversedBy = new Map(ledger.filter((d) => d.reversesId).map((d) => [d.reversesId!, d.id]));
  const cad = {
    total: grant.grant.totalAmountCad,
    committed: lines.reduce((sum, l) => sum + l.committed, 0),
    disbursed: lines.reduce((sum, l) => sum + l.disbursed, 0),
  };
  const finished = FINISHED_STATUSES.includes(status);
  // Partners get the grant, its money and reports, but not the ministry's bookkeeping (officers' ids, keys).
  const staff = can(actor.role, "grants.view.all");
  const acts = grant.manageable;
  const manages = (capability: Parameters<typeof can>[1]) => acts && can(actor.role, capability);
  const permissions = {
    edit: status === "draft" && manages("grants.manage"),
    schedulePayment: !finished && manages("grants.manage"),
    addRequirement: !finished && manages("grants.manage"),
    refreshHolds: manages("grants.manage"),
    requestUnscheduledPayment: DISBURSABLE_STATUSES.includes(status) && manages("disbursements.record"),
    reverseDisbursement: REVERSIBLE_STATUSES.includes(status) && manages("disbursements.record"),
    /** Why reversals are not offered on a grant whose payments may be read by this person (closed grants). */
    reversalsClosed: !REVERSIBLE_STATUSES.includes(status) && manages("disbursements.record"),
    auditTrail: can(actor.role, "grants.view.all"),
  };
  const awaitingHold = payments.filter(
    (p) => p.requirementId !== null && awaitsHold(p.status, overdue.has(p.requirementId)),
  ).length;

  return {
    ...shapedFor(grant.grant, staff),
    recipient: grant.recipient,
    leadOfficerName: grant.leadOfficerName,
    components,
    /** What the components add up to (equal to the total once the grant is submitted). */
    componentsTotal: sumMinor(components.map((c) => c.amount)),
    /** What the grant may still pay out: the ceiling recordDisbursement enforces on every payment. */
    remainingToPay: remainingToPay(grant.grant),
    /**
     * Instalments tied to an overdue report that a refresh of holds would put on hold, for those who may refresh
     * (0 for anyone else): the page offers the refresh when there are any.
     */
    holdsToApply: permissions.refreshHolds ? awaitingHold : 0,
    fundingLines: lines.map((line) => ({ ...line, remaining: line.amount - line.disbursed })),
    scheduledPayments: payments.map((payment) => {
      const report = requirements.find((r) => r.id === payment.requirementId) ?? null;
      // The same rule actOnPayment and recordDisbursement enforce: what is offered here is what they will do.
      const rules = acts ? paymentRules(actor, { payment, grantStatus: status, report, today }) : [];
      return {
        ...shapedFor(payment, staff),
        blockedByReport: payment.requirementId !== null && overdue.has(payment.requirementId),
        availableActions: allowedPaymentActions(rules),
        canPay: rules.some((r) => r.action === "pay" && r.allowed),
        /** Actions the payment's state allows but that are refused now, with why (shown beside the instalment). */
        blocked: rules.flatMap((r) => (r.allowed ? [] : [{ action: r.action, block: r.block }])),
      };
    }),
    disbursements: ledger.map((entry) => ({
      ...shapedFor(entry, staff),
      reversedById: reversedBy.get(entry.id) ?? null,
      /** What reverseDisbursement allows: an original entry (not itself a reversal), not yet reversed. */
      reversible: permissions.reverseDisbursement && entry.reversesId === null && !reversedBy.has(entry.id),
    })),
    reportingRequirements: requirements.map((requirement) => ({
      ...shapedFor(requirement, staff),
      overdue: overdue.has(requirement.id),
      submissions: submissions.filter((s) => s.requirementId === requirement.id),
      availableActions: acts ? requirementActionsFor(actor, requirement, maySubmit) : [],
    })),
    /**
     * What the grant commits (committed_amount), has paid and still has to pay, in its own currency; `cad` gives the
     * same from its funding lines in CAD, as the allocations count them.
     */
    budget: {
      currency: grant.grant.currency,
      total: grant.grant.totalAmount,
      committed: grant.committed,
      disbursed: grant.grant.disbursed,
      remaining: grant.committed - grant.grant.disbursed,
      cad: { ...cad, remaining: cad.committed - cad.disbursed },
    },
    availableActions: acts ? grantActionsFor(actor, grant.grant) : [],
    /** Why this officer may read the grant but not act on it (no programme, or funded outside theirs); else null. */
    readOnlyReason: readOnlyReason({
      isOfficer: can(actor.role, "grants.manage"),
      manageable: grant.manageable,
      assignedProgrammes: assigned,
    }),
    permissions,
  };
}
