import {
  formatMoney,
  type GrantAction,
  type GrantStatus,
  type PaymentAction,
  type PaymentStatus,
  type RequirementStatus,
} from "@portal/domain";

// Server messages are read by people (the UI shows them on the field at fault); amounts in them are formatted en-CA.
// The UI translates by error code where it has its own wording; these are the fallback and what the API returns.

export function money(amount: number, currency = "CAD"): string {
  return formatMoney(amount, currency, "en-CA");
}

const GRANT_STATUS_WORDS: Record<GrantStatus, string> = {
  draft: "a draft",
  submitted: "submitted for approval",
  approved: "approved",
  active: "active",
  closing: "closing",
  closed: "closed",
  cancelled: "cancelled",
  suspended: "suspended",
  terminated: "terminated",
};

const GRANT_ACTION_WORDS: Record<GrantAction, string> = {
  submit: "submitted for approval",
  returnToDraft: "returned to draft",
  approve: "approved",
  activate: "activated",
  suspend: "suspended",
  resume: "resumed",
  beginClosing: "moved to closing",
  close: "closed",
  cancel: "cancelled",
  terminate: "terminated",
};

export function grantStatusWords(status: GrantStatus): string {
  return GRANT_STATUS_WORDS[status];
}

export function grantTransitionRefused(status: GrantStatus, action: GrantAction): string {
  return `This grant is ${GRANT_STATUS_WORDS[status]}, so it cannot be ${GRANT_ACTION_WORDS[action]}.`;
}

const PAYMENT_STATUS_WORDS: Record<PaymentStatus, string> = {
  planned: "planned",
  due: "due",
  approved: "approved",
  paid: "paid",
  on_hold: "on hold",
  cancelled: "cancelled",
};

const PAYMENT_ACTION_WORDS: Record<PaymentAction, string> = {
  markDue: "marked due",
  approve: "approved",
  hold: "put on hold",
  release: "released from hold",
  cancel: "cancelled",
  markPaid: "paid",
  reopen: "reopened",
};

export function paymentStatusWords(status: PaymentStatus): string {
  return PAYMENT_STATUS_WORDS[status];
}

export function paymentTransitionRefused(status: PaymentStatus, action: PaymentAction): string {
  return `This instalment is ${PAYMENT_STATUS_WORDS[status]}, so it cannot be ${PAYMENT_ACTION_WORDS[action]}.`;
}

const REQUIREMENT_STATUS_WORDS: Record<RequirementStatus, string> = {
  open: "still open",
  submitted: "submitted",
  accepted: "already accepted",
  changes_requested: "waiting for the partner's changes",
  resubmitted: "resubmitted",
  waived: "waived",
};

export function requirementStatusWords(status: RequirementStatus): string {
  return REQUIREMENT_STATUS_WORDS[status];
}

export function reportName(requirement: { kind: "narrative" | "financial"; stage: "interim" | "final" }): string {
  return `${requirement.stage} ${requirement.kind} report`;
}
