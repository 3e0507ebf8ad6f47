import { can, type Capability, type Role } from "./roles";
import type { GrantStatus } from "./validators/grants";

/**
 * The grant state machine as one table: each action names the states it may start from, where it leads, and the
 * capability it needs. Services look actions up here; nothing else decides what a transition may do.
 */
export const GRANT_TRANSITIONS = {
  submit: { from: ["draft"], to: "submitted", capability: "grants.manage" },
  returnToDraft: { from: ["submitted"], to: "draft", capability: "grants.manage" },
  approve: { from: ["submitted"], to: "approved", capability: "grants.approve" },
  activate: { from: ["approved"], to: "active", capability: "grants.manage" },
  suspend: { from: ["active"], to: "suspended", capability: "grants.manage" },
  resume: { from: ["suspended"], to: "active", capability: "grants.manage" },
  beginClosing: { from: ["active"], to: "closing", capability: "grants.manage" },
  close: { from: ["closing"], to: "closed", capability: "grants.manage" },
  cancel: { from: ["draft", "submitted", "approved"], to: "cancelled", capability: "grants.manage" },
  terminate: { from: ["active", "suspended", "closing"], to: "terminated", capability: "grants.approve" },
} as const satisfies Record<string, { from: readonly GrantStatus[]; to: GrantStatus; capability: Capability }>;

export type GrantAction = keyof typeof GRANT_TRANSITIONS;
export const GRANT_ACTIONS = Object.keys(GRANT_TRANSITIONS) as GrantAction[];

// What counts as committed is defined once, in SQL (committed_amount in packages/db/migrations/0002_ledger_views.sql),
// because the running totals, the ledger views and the budget figures must all agree with it.

/** Statuses in which money may be paid out. */
export const DISBURSABLE_STATUSES: readonly GrantStatus[] = ["active", "closing"];

/** Statuses after which a grant takes no new payments or reporting requirements. */
export const FINISHED_STATUSES: readonly GrantStatus[] = ["closed", "cancelled", "terminated"];

/** Statuses in which an approved instalment may be approved for payment (the agreement is signed). */
export const PAYMENT_APPROVABLE_STATUSES: readonly GrantStatus[] = ["approved", "active", "closing"];

/** Actions that need a reason (kept in the audit trail). */
export const ACTIONS_NEEDING_REASON: readonly GrantAction[] = ["returnToDraft", "suspend", "cancel", "terminate"];

export function transitionFor(action: GrantAction, from: GrantStatus): GrantStatus | null {
  const rule = GRANT_TRANSITIONS[action];
  return (rule.from as readonly GrantStatus[]).includes(from) ? rule.to : null;
}

export function availableActions(from: GrantStatus): GrantAction[] {
  return GRANT_ACTIONS.filter((action) => transitionFor(action, from) !== null);
}

/** Who acts, as far as the state machines care. */
export interface LifecycleActor {
  userId: string;
  role: Role;
}

/** Approving needs someone other than the grant's (or payment's) creator; unknown creators (history) never block. */
export function isOwnCreation(actor: LifecycleActor, createdById: string | null): boolean {
  return createdById !== null && createdById === actor.userId;
}

/** The grant actions this actor may fire now: valid from the status, allowed by capability, and four eyes on approve. */
export function grantActionsFor(
  actor: LifecycleActor,
  grant: { status: GrantStatus; createdById: string | null },
): GrantAction[] {
  return availableActions(grant.status).filter(
    (action) =>
      can(actor.role, GRANT_TRANSITIONS[action].capability) &&
      !(action === "approve" && isOwnCreation(actor, grant.createdById)),
  );
}

export type PaymentStatus = "planned" | "due" | "approved" | "paid" | "on_hold" | "cancelled";

/**
 * The scheduled-payment machine. markPaid and reopen are fired by the ledger only (recording a disbursement against
 * an approved instalment pays it; reversing that disbursement makes it payable again), never from a button.
 */
export const PAYMENT_TRANSITIONS = {
  markDue: { from: ["planned"], to: "due", capability: "grants.manage" },
  approve: { from: ["due"], to: "approved", capability: "payments.approve" },
  hold: { from: ["planned", "due", "approved"], to: "on_hold", capability: "grants.manage" },
  release: { from: ["on_hold"], to: "due", capability: "grants.manage" },
  cancel: { from: ["planned", "due", "approved", "on_hold"], to: "cancelled", capability: "grants.manage" },
  markPaid: { from: ["approved"], to: "paid", capability: "disbursements.record" },
  reopen: { from: ["paid"], to: "approved", capability: "disbursements.record" },
} as const satisfies Record<string, { from: readonly PaymentStatus[]; to: PaymentStatus; capability: Capability }>;
export type PaymentAction = keyof typeof PAYMENT_TRANSITIONS;
export const PAYMENT_ACTIONS = Object.keys(PAYMENT_TRANSITIONS) as PaymentAction[];

/** The payment actions a person fires directly (payments.act). */
export const PAYMENT_USER_ACTIONS = [
  "markDue",
  "approve",
  "hold",
  "release",
  "cancel",
] as const satisfies readonly PaymentAction[];
export type PaymentUserAction = (typeof PAYMENT_USER_ACTIONS)[number];

/** Payments still waiting to be paid: cancelled when their grant ends. */
export const OUTSTANDING_PAYMENT_STATUSES: readonly PaymentStatus[] = ["planned", "due", "approved", "on_hold"];

export function paymentTransitionFor(action: PaymentAction, from: PaymentStatus): PaymentStatus | null {
  const rule = PAYMENT_TRANSITIONS[action];
  return (rule.from as readonly PaymentStatus[]).includes(from) ? rule.to : null;
}

export type RequirementStatus = "open" | "submitted" | "accepted" | "changes_requested" | "resubmitted" | "waived";

/**
 * The reporting-requirement machine. submit's capability is the partner's; an officer may also hand a report in on a
 * partner's behalf (grants.manage), which the service allows.
 */
export const REQUIREMENT_TRANSITIONS = {
  submit: {
    from: ["open", "changes_requested"],
    to: null /* submitted or resubmitted, see below */,
    capability: "reports.submit",
  },
  accept: { from: ["submitted", "resubmitted"], to: "accepted", capability: "reports.review" },
  requestChanges: { from: ["submitted", "resubmitted"], to: "changes_requested", capability: "reports.review" },
  waive: {
    from: ["open", "changes_requested", "submitted", "resubmitted"],
    to: "waived",
    capability: "reports.review",
  },
} as const satisfies Record<
  string,
  { from: readonly RequirementStatus[]; to: RequirementStatus | null; capability: Capability }
>;
export type RequirementAction = keyof typeof REQUIREMENT_TRANSITIONS;
export const REQUIREMENT_ACTIONS = Object.keys(REQUIREMENT_TRANSITIONS) as RequirementAction[];

export function requirementTransitionFor(action: RequirementAction, from: RequirementStatus): RequirementStatus | null {
  if (!(REQUIREMENT_TRANSITIONS[action].from as readonly RequirementStatus[]).includes(from)) return null;
  if (action === "submit") return from === "open" ? "submitted" : "resubmitted";
  return REQUIREMENT_TRANSITIONS[action].to;
}

/**
 * The requirement buttons this actor may use now. Whether they may submit depends on their membership of the
 * recipient organisation (or being an officer), which the caller looks up and passes as `maySubmit`.
 */
export function requirementActionsFor(
  actor: LifecycleActor,
  requirement: { status: RequirementStatus },
  maySubmit: boolean,
): RequirementAction[] {
  return REQUIREMENT_ACTIONS.filter((action) => {
    if (requirementTransitionFor(action, requirement.status) === null) return false;
    return action === "submit" ? maySubmit : can(actor.role, REQUIREMENT_TRANSITIONS[action].capability);
  });
}

/** A requirement is overdue when its due date has passed and nothing acceptable has been handed in. */
export function isRequirementOverdue(status: RequirementStatus, dueOn: string, today: string): boolean {
  return (status === "open" || status === "changes_requested") && dueOn < today;
}

/** Requirements whose payments may be released from hold: the report is in and accepted, or no longer needed. */
export function requirementReleasesPayments(status: RequirementStatus): boolean {
  return status === "accepted" || status === "waived";
}
