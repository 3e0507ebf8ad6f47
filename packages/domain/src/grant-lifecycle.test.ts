import { describe, expect, it } from "vitest";
import {
  GRANT_ACTIONS,
  type GrantAction,
  grantActionsFor,
  isRequirementOverdue,
  PAYMENT_ACTIONS,
  type PaymentAction,
  type PaymentStatus,
  paymentTransitionFor,
  REQUIREMENT_ACTIONS,
  type RequirementAction,
  requirementActionsFor,
  type RequirementStatus,
  requirementTransitionFor,
  transitionFor,
} from "./grant-lifecycle";
import type { Role } from "./roles";
import { GRANT_STATUSES, type GrantStatus } from "./validators/grants";

// The expected machines are written out here by hand, from DOMAIN.md, rather than derived from the tables under
// test: every (state, action) pair not listed must be refused.
const GRANT_EXPECTED: Record<GrantStatus, Partial<Record<GrantAction, GrantStatus>>> = {
  draft: { submit: "submitted", cancel: "cancelled" },
  submitted: { returnToDraft: "draft", approve: "approved", cancel: "cancelled" },
  approved: { activate: "active", cancel: "cancelled" },
  active: { suspend: "suspended", beginClosing: "closing", terminate: "terminated" },
  suspended: { resume: "active", terminate: "terminated" },
  closing: { close: "closed", terminate: "terminated" },
  closed: {},
  cancelled: {},
  terminated: {},
};

const PAYMENT_STATUSES: readonly PaymentStatus[] = ["planned", "due", "approved", "paid", "on_hold", "cancelled"];
const PAYMENT_EXPECTED: Record<PaymentStatus, Partial<Record<PaymentAction, PaymentStatus>>> = {
  planned: { markDue: "due", hold: "on_hold", cancel: "cancelled" },
  due: { approve: "approved", hold: "on_hold", cancel: "cancelled" },
  approved: { hold: "on_hold", cancel: "cancelled", markPaid: "paid" },
  paid: { reopen: "approved" },
  on_hold: { release: "due", cancel: "cancelled" },
  cancelled: {},
};

const REQUIREMENT_STATUSES: readonly RequirementStatus[] = [
  "open",
  "submitted",
  "accepted",
  "changes_requested",
  "resubmitted",
  "waived",
];
const REQUIREMENT_EXPECTED: Record<RequirementStatus, Partial<Record<RequirementAction, RequirementStatus>>> = {
  open: { submit: "submitted", waive: "waived" },
  submitted: { accept: "accepted", requestChanges: "changes_requested", waive: "waived" },
  accepted: {},
  changes_requested: { submit: "resubmitted", waive: "waived" },
  resubmitted: { accept: "accepted", requestChanges: "changes_requested", waive: "waived" },
  waived: {},
};

function cases<S extends string, A extends string>(
  statuses: readonly S[],
  actions: readonly A[],
  expected: Record<S, Partial<Record<A, S>>>,
) {
  return statuses.flatMap((from) => actions.map((action) => ({ from, action, to: expected[from][action] ?? null })));
}

describe("grant lifecycle: every state x action", () => {
  it.each(cases(GRANT_STATUSES, GRANT_ACTIONS, GRANT_EXPECTED))("$from --$action--> $to", ({ from, action, to }) => {
    expect(transitionFor(action, from)).toBe(to);
  });
});

describe("scheduled payment: every state x action", () => {
  it.each(cases(PAYMENT_STATUSES, PAYMENT_ACTIONS, PAYMENT_EXPECTED))(
    "$from --$action--> $to",
    ({ from, action, to }) => {
      expect(paymentTransitionFor(action, from)).toBe(to);
    },
  );
});

describe("reporting requirement: every state x action", () => {
  it.each(cases(REQUIREMENT_STATUSES, REQUIREMENT_ACTIONS, REQUIREMENT_EXPECTED))(
    "$from --$action--> $to",
    ({ from, action, to }) => {
      expect(requirementTransitionFor(action, from)).toBe(to);
    },
  );
});

const me = (role: Role) => ({ userId: "u-me", role });

describe("grant actions by role", () => {
  const byRole: Record<Role, readonly GrantAction[]> = {
    officer: [
      "submit",
      "returnToDraft",
      "approve",
      "activate",
      "suspend",
      "resume",
      "beginClosing",
      "close",
      "cancel",
      "terminate",
    ],
    // Segregation of duties: admins act on no grant, not even as the second pair of eyes.
    admin: [],
    partner: [],
  };
  const roles: Role[] = ["officer", "admin", "partner"];
  it.each(roles.flatMap((role) => GRANT_STATUSES.map((status) => ({ role, status }))))(
    "$role on a $status grant",
    ({ role, status }) => {
      const valid = Object.keys(GRANT_EXPECTED[status]) as GrantAction[];
      const expected = valid.filter((action) => byRole[role].includes(action));
      expect(grantActionsFor(me(role), { status, createdById: "u-other" }).sort()).toEqual(expected.sort());
    },
  );

  it("the creator of a grant is not offered approve (four eyes); an unknown creator does not block", () => {
    expect(grantActionsFor(me("officer"), { status: "submitted", createdById: "u-me" })).not.toContain("approve");
    expect(grantActionsFor(me("officer"), { status: "submitted", createdById: null })).toContain("approve");
  });
});

describe("requirement actions by role", () => {
  it("partners allowed to report may submit; officers review and waive", () => {
    expect(requirementActionsFor(me("partner"), { status: "open" }, true)).toEqual(["submit"]);
    expect(requirementActionsFor(me("partner"), { status: "open" }, false)).toEqual([]);
    expect(requirementActionsFor(me("partner"), { status: "submitted" }, true)).toEqual([]);
    expect(requirementActionsFor(me("officer"), { status: "submitted" }, true)).toEqual([
      "accept",
      "requestChanges",
      "waive",
    ]);
    expect(requirementActionsFor(me("officer"), { status: "changes_requested" }, true)).toEqual(["submit", "waive"]);
    expect(requirementActionsFor(me("admin"), { status: "submitted" }, false)).toEqual([]);
  });
});

describe("overdue reports", () => {
  it.each<[RequirementStatus, string, boolean]>([
    ["open", "2002-11-14", true],
    ["open", "2002-11-15", false], // due today: not overdue until the day is over
    ["open", "2002-11-16", false],
    ["changes_requested", "2002-11-01", true],
    ["submitted", "2002-11-01", false],
    ["resubmitted", "2002-11-01", false],
    ["accepted", "2002-11-01", false],
    ["waived", "2002-11-01", false],
  ])("%s, due %s, on 2002-11-15: overdue %s", (status, dueOn, overdue) => {
    expect(isRequirementOverdue(status, dueOn, "2002-11-15")).toBe(overdue);
  });
});
