import {
  type DbOrTx,
  grantAmendments,
  grants,
  organisations,
  reportingRequirements,
  reportSubmissions,
  scheduledPayments,
  users,
} from "@portal/db";
import { can, daysBetween, isRequirementOverdue, type PaymentBlock, paymentRules } from "@portal/domain";
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { manageableGrantsOf } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { cappedCount, countFigure } from "./capped-count";

/** How far ahead "ending soon" looks. */
export const ENDING_SOON_DAYS = 60;
/** Each list shows at most this many rows; `total` says how many there are. */
const LIMIT = 50;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const grantSummary = {
  grantId: grants.id,
  reference: grants.reference,
  titleEn: grants.titleEn,
  titleFr: grants.titleFr,
  currency: grants.currency,
  recipientAcronym: organisations.acronym,
  recipientNameEn: organisations.legalNameEn,
  recipientNameFr: organisations.legalNameFr,
};

/** A list's first rows (read with LIMIT) and how many there are in all (counted by the database, up to COUNT_CAP). */
const limited = <T>(rows: T[], counted: number) => ({ rows, ...countFigure(counted) });

interface PaymentRow {
  status: "planned" | "due" | "approved" | "paid" | "on_hold" | "cancelled";
  createdById: string | null;
  grantStatus: Parameters<typeof paymentRules>[1]["grantStatus"];
  reportStatus: NonNullable<Parameters<typeof paymentRules>[1]["report"]>["status"] | null;
  reportDueOn: string | null;
}

function paymentSummary<T extends PaymentRow>(row: T) {
  const { createdById: _creator, grantStatus: _grant, reportStatus: _report, reportDueOn: _due, ...summary } = row;
  return summary;
}

/**
 * What a listed instalment needs next, by the payment rule the grant page and the services use: an approval (by
 * this officer, or a second one under four eyes), a payment, or nothing until what blocks it is resolved.
 */
function paymentNeed(
  actor: Actor,
  row: PaymentRow,
  today: string,
): { needs: "approval" | "secondApproval" | "payment" | "blocked"; blockedBy: PaymentBlock | null } {
  const report = row.reportStatus && row.reportDueOn ? { status: row.reportStatus, dueOn: row.reportDueOn } : null;
  const rules = paymentRules(actor, { payment: row, grantStatus: row.grantStatus, report, today });
  const next = rules.find((r) => r.action === (row.status === "due" ? "approve" : "pay"));
  if (next?.allowed) return { needs: row.status === "due" ? "approval" : "payment", blockedBy: null };
  if (row.status === "due" && (!next || next.block === "fourEyes")) return { needs: "secondApproval", blockedBy: null };
  return { needs: "blocked", blockedBy: next?.block ?? null };
}

/**
 * What needs a program officer's action today: grants and amendments waiting for their approval (not their own),
 * instalments due or approved to pay, reports overdue and reports handed in for review, and grants ending within 60
 * days. Every row
 * carries its grant, so the page links to it. Only grants the officer manages (their programmes') are listed: the
 * others are someone else's work, readable from the grant list.
 */
export async function officerDashboard(db: DbOrTx, actor: Actor, today: string = todayInOttawa()) {
  requireCapability(actor, "grants.view.all");
  const soon = addDays(today, ENDING_SOON_DAYS);
  const manages = await manageableGrantsOf(db, actor);
  const visible = manages();

  const awaitingApproval = and(
    eq(grants.status, "submitted"),
    or(isNull(grants.createdById), ne(grants.createdById, actor.userId)),
  )!;
  // The amendment's own four-eyes rule (approveAmendment refuses its proposer), as a condition.
  const amendmentsAwaiting = and(
    eq(grantAmendments.status, "pending"),
    ne(grantAmendments.proposedById, actor.userId),
  )!;
  const paymentsToAct = inArray(scheduledPayments.status, ["due", "approved"]);
  // The one rule of "overdue" (isRequirementOverdue), as a condition.
  const reportsOverdue = and(
    inArray(reportingRequirements.status, ["open", "changes_requested"]),
    lt(reportingRequirements.dueOn, today),
  )!;
  const reportsInForReview = inArray(reportingRequirements.status, ["submitted", "resubmitted"]);
  const endingSoon = and(
    inArray(grants.status, ["approved", "active", "closing", "suspended"]),
    gte(grants.endsOn, today),
    lte(grants.endsOn, soon),
  )!;

  // Every list's size in one round trip, each counted up to COUNT_CAP. A child row's scope is read from its grant id
  // (no join of grants), so each count of instalments or reports reads its list's index alone.
  const counts = async () => {
    const ofGrants = (where: SQL) => cappedCount(sql`${grants} where ${and(visible, where)}`);
    const ofChildren = (table: typeof scheduledPayments | typeof reportingRequirements, where: SQL) =>
      cappedCount(sql`${table} where ${and(manages(table.grantId), where)}`);
    const ofAmendments = cappedCount(
      sql`${grantAmendments} where ${and(manages(grantAmendments.grantId), amendmentsAwaiting)}`,
    );
    const [row] = await db.execute<
      Record<"approvals" | "amendments" | "payments" | "overdue" | "review" | "ending", number>
    >(sql`
      select ${can(actor.role, "grants.approve") ? ofGrants(awaitingApproval) : sql`0`} as approvals,
             ${can(actor.role, "grants.approve") ? ofAmendments : sql`0`} as amendments,
             ${ofChildren(scheduledPayments, paymentsToAct)} as payments,
             ${ofChildren(reportingRequirements, reportsOverdue)} as overdue,
             ${ofChildren(reportingRequirements, reportsInForReview)} as review,
             ${ofGrants(endingSoon)} as ending`);
    return row!;
  };

  const [approvals, amendments, payments, overdue, awaitingReview, ending, total] = await Promise.all([
    can(actor.role, "grants.approve")
      ? db
          .select({ ...grantSummary, totalAmount: grants.totalAmount, submittedAt: grants.updatedAt })
          .from(grants)
          .innerJoin(organisations, eq(organisations.id, grants.recipientId))
          .where(and(visible, awaitingApproval))
          .orderBy(asc(grants.updatedAt), asc(grants.id))
          .limit(LIMIT)
      : Promise.resolve([]),
    can(actor.role, "grants.approve")
      ? db
          .select({
            ...grantSummary,
            amendmentId: grantAmendments.id,
            reason: grantAmendments.reason,
            changes: grantAmendments.changes,
            proposedBy: users.name,
            proposedAt: grantAmendments.proposedAt,
          })
          .from(grantAmendments)
          .innerJoin(grants, eq(grants.id, grantAmendments.grantId))
          .innerJoin(organisations, eq(organisations.id, grants.recipientId))
          .innerJoin(users, eq(users.id, grantAmendments.proposedById))
          .where(and(visible, amendmentsAwaiting))
          .orderBy(asc(grantAmendments.proposedAt), asc(grantAmendments.id))
          .limit(LIMIT)
      : Promise.resolve([]),
    db
      .select({
        ...grantSummary,
        paymentId: scheduledPayments.id,
        sequence: scheduledPayments.sequence,
        descriptionEn: scheduledPayments.descriptionEn,
        descriptionFr: scheduledPayments.descriptionFr,
        dueOn: scheduledPayments.dueOn,
        amount: scheduledPayments.amount,
        status: scheduledPayments.status,
        createdById: scheduledPayments.createdById,
        grantStatus: grants.status,
        reportStatus: reportingRequirements.status,
        reportDueOn: reportingRequirements.dueOn,
      })
      .from(scheduledPayments)
      .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .leftJoin(reportingRequirements, eq(reportingRequirements.id, scheduledPayments.requirementId))
      .where(and(visible, paymentsToAct))
      .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.id))
      .limit(LIMIT),
    db
      .select({
        ...grantSummary,
        requirementId: reportingRequirements.id,
        kind: reportingRequirements.kind,
        stage: reportingRequirements.stage,
        dueOn: reportingRequirements.dueOn,
        status: reportingRequirements.status,
      })
      .from(reportingRequirements)
      .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(and(visible, reportsOverdue))
      .orderBy(asc(reportingRequirements.dueOn), asc(reportingRequirements.id))
      .limit(LIMIT),
    db
      .select({
        ...grantSummary,
        requirementId: reportingRequirements.id,
        kind: reportingRequirements.kind,
        stage: reportingRequirements.stage,
        dueOn: reportingRequirements.dueOn,
        status: reportingRequirements.status,
        // Evaluated for the shown rows only (after the LIMIT), through report_submissions(requirement_id, submitted_at).
        submittedAt: sql<Date | null>`(select max(${reportSubmissions.submittedAt}) from ${reportSubmissions}
          where ${reportSubmissions.requirementId} = ${reportingRequirements.id})`.mapWith((v) =>
          v === null ? null : new Date(v as string),
        ),
      })
      .from(reportingRequirements)
      .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(and(visible, reportsInForReview))
      .orderBy(asc(reportingRequirements.dueOn), asc(reportingRequirements.id))
      .limit(LIMIT),
    db
      .select({
        ...grantSummary,
        totalAmount: grants.totalAmount,
        disbursed: grants.disbursed,
        endsOn: grants.endsOn,
        status: grants.status,
      })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(and(visible, endingSoon))
      .orderBy(asc(grants.endsOn), asc(grants.id))
      .limit(LIMIT),
    counts(),
  ]);

  return {
    today,
    endingSoonDays: ENDING_SOON_DAYS,
    approvals: limited(approvals, total.approvals),
    // Each with what it changes (the fields, named as the grant page's history names them) and where to decide it.
    amendmentsToApprove: limited(
      amendments.map(({ changes, ...row }) => ({
        ...row,
        changedFields: [...new Set(changes.map((c) => c.field))],
        path: `/grants/${row.grantId}#amendments`,
      })),
      total.amendments,
    ),
    payments: limited(
      payments.map((row) => ({ ...paymentSummary(row), ...paymentNeed(actor, row, today) })),
      total.payments,
    ),
    overdueReports: limited(
      overdue.map((r) => ({
        ...r,
        overdue: isRequirementOverdue(r.status, r.dueOn, today),
        daysOverdue: daysBetween(r.dueOn, today),
      })),
      total.overdue,
    ),
    reportsToReview: limited(awaitingReview, total.review),
    endingSoon: limited(
      ending.map((g) => ({ ...g, daysLeft: daysBetween(today, g.endsOn), remaining: g.totalAmount - g.disbursed })),
      total.ending,
    ),
  };
}

export type OfficerDashboard = Awaited<ReturnType<typeof officerDashboard>>;
