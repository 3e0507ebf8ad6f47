import {
  DISBURSABLE_STATUSES,
  isOwnCreation,
  type LifecycleActor,
  PAYMENT_APPROVABLE_STATUSES,
  PAYMENT_TRANSITIONS,
  PAYMENT_USER_ACTIONS,
  type PaymentStatus,
  type PaymentUserAction,
  paymentTransitionFor,
  type RequirementStatus,
  requirementReleasesPayments,
  isRequirementOverdue,
} from "./grant-lifecycle";
import { can } from "./roles";
import type { GrantStatus } from "./validators/grants";

/** What a person can do with one scheduled payment: the buttons, plus paying it (recording its disbursement). */
export type PaymentRuleAction = PaymentUserAction | "pay";

/**
 * Why an action that the payment's state allows is refused now. The services turn a block into a DomainError; pages
 * show it (translated by key) next to the instalment, so what is listed and what is performed never disagree.
 */
export const PAYMENT_BLOCKS = [
  "fourEyes",
  "grantNotApproved",
  "grantNotDisbursable",
  "reportOverdue",
  "reportNotAccepted",
] as const;
export type PaymentBlock = (typeof PAYMENT_BLOCKS)[number];

export interface PaymentFacts {
  payment: { status: PaymentStatus; createdById: string | null };
  grantStatus: GrantStatus;
  /** The report the instalment waits for, if any. */
  report: { status: RequirementStatus; dueOn: string } | null;
  today: string;
}

export type PaymentRule =
  { action: PaymentRuleAction; allowed: true } | { action: PaymentRuleAction; allowed: false; block: PaymentBlock };

const RULE_ACTIONS: readonly PaymentRuleAction[] = [...PAYMENT_USER_ACTIONS, "pay"];

function transitionOf(action: PaymentRuleAction) {
  return action === "pay" ? "markPaid" : action;
}

/** The block on a report-tied instalment: overdue reports hold it; any other report not accepted or waived delays it. */
function reportBlock(report: PaymentFacts["report"], today: string): PaymentBlock | null {
  if (!report) return null;
  if (isRequirementOverdue(report.status, report.dueOn, today)) return "reportOverdue";
  return requirementReleasesPayments(report.status) ? null : "reportNotAccepted";
}

function blockOf(actor: LifecycleActor, action: PaymentRuleAction, facts: PaymentFacts): PaymentBlock | null {
  const report = reportBlock(facts.report, facts.today);
  switch (action) {
    case "approve":
      // What nobody can get past yet (grant, report) comes before what only another officer can (four eyes).
      if (!PAYMENT_APPROVABLE_STATUSES.includes(facts.grantStatus)) return "grantNotApproved";
      if (report) return report;
      return isOwnCreation(actor, facts.payment.createdById) ? "fourEyes" : null;
    case "pay":
      if (!DISBURSABLE_STATUSES.includes(facts.grantStatus)) return "grantNotDisbursable";
      return report;
    case "release":
      return report === "reportOverdue" ? report : null;
    default:
      return null;
  }
}

/**
 * THE payment rule: for each action the payment's state allows and the actor's role may use, whether it is allowed now
 * and, if not, why. Actions the state or the role rule out are not listed at all (there is nothing to explain).
 * The grant page, the dashboard and the services that perform the actions all ask this function.
 */
export function paymentRules(actor: LifecycleActor, facts: PaymentFacts): PaymentRule[] {
  return RULE_ACTIONS.flatMap((action): PaymentRule[] => {
    const transition = transitionOf(action);
    if (paymentTransitionFor(transition, facts.payment.status) === null) return [];
    if (!can(actor.role, PAYMENT_TRANSITIONS[transition].capability)) return [];
    const block = blockOf(actor, action, facts);
    return [block ? { action, allowed: false, block } : { action, allowed: true }];
  });
}

export function allowedPaymentActions(rules: readonly PaymentRule[]): PaymentUserAction[] {
  return rules.filter((r) => r.allowed && r.action !== "pay").map((r) => r.action as PaymentUserAction);
}

/** What a grant may still pay out: its total less what it has paid (reversals give back). Payments never exceed it. */
export function remainingToPay(grant: { totalAmount: number; disbursed: number }): number {
  return grant.totalAmount - grant.disbursed;
}

/** Statuses in which a payment may be reversed: money is still moving, or is being recovered after a termination. */
export const REVERSIBLE_STATUSES: readonly GrantStatus[] = ["active", "closing", "suspended", "terminated"];

/** Days after a grant's end date in which its last payments may still be dated, unless configured otherwise. */
export const DEFAULT_PAYMENT_GRACE_DAYS = 90;

export type PaymentDateProblem = "beforeStart" | "afterGrace" | "future";

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from one ISO date to another (negative when `to` comes first). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T12:00:00Z`) - Date.parse(`${fromIso}T12:00:00Z`)) / 86_400_000);
}

/**
 * A payment is dated within the grant's period, or up to `graceDays` after its end (the last instalment often follows
 * the final report), and never after today.
 */
export function paymentDateProblem(
  paidOn: string,
  grant: { startsOn: string; endsOn: string },
  today: string,
  graceDays: number,
): PaymentDateProblem | null {
  if (paidOn > today) return "future";
  if (paidOn < grant.startsOn) return "beforeStart";
  if (paidOn > addDays(grant.endsOn, graceDays)) return "afterGrace";
  return null;
}
