import { describe, expect, it } from "vitest";
import type { PaymentStatus, RequirementStatus } from "./grant-lifecycle";
import { allowedPaymentActions, paymentDateProblem, type PaymentFacts, paymentRules } from "./ledger-rules";
import type { Role } from "./roles";

const me = (role: Role) => ({ userId: "u-me", role });
const TODAY = "2002-06-01";
const facts = (status: PaymentStatus, extra: Partial<PaymentFacts> = {}): PaymentFacts => ({
  payment: { status, createdById: "u-other" },
  grantStatus: "active",
  report: null,
  today: TODAY,
  ...extra,
});
const report = (status: RequirementStatus, dueOn = "2002-12-31") => ({ status, dueOn });
const rule = (role: Role, f: PaymentFacts, action: string) =>
  paymentRules(me(role), f).find((r) => r.action === action);

describe("payment rules", () => {
  it("offers by state and role: officers mark due, approve, hold, release, cancel and pay; admins and partners nothing (segregation of duties)", () => {
    expect(allowedPaymentActions(paymentRules(me("officer"), facts("due")))).toEqual(["approve", "hold", "cancel"]);
    expect(allowedPaymentActions(paymentRules(me("admin"), facts("due")))).toEqual([]);
    expect(paymentRules(me("partner"), facts("due"))).toEqual([]);
    expect(allowedPaymentActions(paymentRules(me("officer"), facts("planned")))).toEqual(["markDue", "hold", "cancel"]);
    expect(paymentRules(me("officer"), facts("paid"))).toEqual([]);
    expect(rule("officer", facts("approved"), "pay")).toEqual({ action: "pay", allowed: true });
    expect(rule("admin", facts("approved"), "pay")).toBeUndefined();
  });

  it("four eyes: whoever scheduled a payment is told another officer must approve it", () => {
    const own = facts("due", { payment: { status: "due", createdById: "u-me" } });
    expect(rule("officer", own, "approve")).toEqual({ action: "approve", allowed: false, block: "fourEyes" });
  });

  it("an instalment tied to a report is approved and paid only once the report is accepted or waived", () => {
    for (const status of ["open", "submitted", "resubmitted", "changes_requested"] as const) {
      expect(rule("officer", facts("due", { report: report(status) }), "approve")).toMatchObject({
        allowed: false,
        block: "reportNotAccepted",
      });
      expect(rule("officer", facts("approved", { report: report(status) }), "pay")).toMatchObject({
        allowed: false,
        block: "reportNotAccepted",
      });
    }
    for (const status of ["accepted", "waived"] as const) {
      expect(rule("officer", facts("due", { report: report(status) }), "approve")?.allowed).toBe(true);
      expect(rule("officer", facts("approved", { report: report(status) }), "pay")?.allowed).toBe(true);
    }
  });

  it("an overdue report holds: approve, pay and release say so; a submitted late report only delays", () => {
    const overdue = report("open", "2002-01-15");
    expect(rule("officer", facts("due", { report: overdue }), "approve")).toMatchObject({ block: "reportOverdue" });
    expect(rule("officer", facts("on_hold", { report: overdue }), "release")).toMatchObject({ block: "reportOverdue" });
    expect(rule("officer", facts("on_hold", { report: report("submitted", "2002-01-15") }), "release")?.allowed).toBe(
      true,
    );
  });

  it("approval waits for the grant's approval; payment for its activation", () => {
    expect(rule("officer", facts("due", { grantStatus: "submitted" }), "approve")).toMatchObject({
      block: "grantNotApproved",
    });
    expect(rule("officer", facts("due", { grantStatus: "approved" }), "approve")?.allowed).toBe(true);
    expect(rule("officer", facts("approved", { grantStatus: "approved" }), "pay")).toMatchObject({
      block: "grantNotDisbursable",
    });
    expect(rule("officer", facts("approved", { grantStatus: "suspended" }), "pay")).toMatchObject({
      block: "grantNotDisbursable",
    });
  });
});

describe("payment dates", () => {
  const grant = { startsOn: "2002-04-01", endsOn: "2003-03-31" };
  it("inside the period, or within the grace after its end, and never in the future", () => {
    expect(paymentDateProblem("2002-04-01", grant, "2026-12-01", 90)).toBeNull();
    expect(paymentDateProblem("2003-06-29", grant, "2026-12-01", 90)).toBeNull();
    expect(paymentDateProblem("2003-06-30", grant, "2026-12-01", 90)).toBe("afterGrace");
    expect(paymentDateProblem("2002-03-31", grant, "2026-12-01", 90)).toBe("beforeStart");
    expect(paymentDateProblem("2002-06-02", grant, "2002-06-01", 90)).toBe("future");
    expect(paymentDateProblem("2003-04-01", grant, "2026-12-01", 0)).toBe("afterGrace");
  });
});
