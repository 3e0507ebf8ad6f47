import { type Database, grants, reportingRequirements, scheduledPayments } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  auditCount,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  organisationIdOf,
  refusal,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let allocation: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;
const active = (total = 10_000_000) => grantIn(db, "active", grantInput(icbl, [allocation], total));
const PAST = "2002-01-15";
const FUTURE = "2099-01-15";

async function paymentRow(id: string) {
  const [row] = await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, id));
  return row!;
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  allocation = await freshAllocation(db, 1_000_000_000_000);
});
afterAll(() => drop());

describe("scheduling payments", () => {
  it("schedules 50/40/10 with a holdback tied to the final report, numbering them in order", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const final = await officer.requirements.add({ grantId, kind: "narrative", stage: "final", dueOn: FUTURE });
    const sequences = [];
    for (const [amount, requirementId] of [
      [5_000_000, null],
      [4_000_000, null],
      [1_000_000, final.id],
    ] as const) {
      const p = await officer.payments.schedule({
        grantId,
        dueOn: FUTURE,
        amount,
        requirementId,
        descriptionEn: "Instalment",
      });
      expect(p).toMatchObject({ status: "planned", amount, requirementId });
      sequences.push(p.sequence);
    }
    expect(sequences).toEqual([1, 2, 3]);
  });

  it("refuses a schedule that would come to more than the grant (SCHEDULE_EXCEEDS_TOTAL on amount); cancelled ones do not count", async () => {
    const grantId = await active(10_000_000);
    const officer = await web("officer");
    const first = await officer.payments.schedule({ grantId, dueOn: FUTURE, amount: 8_000_000 });
    const refused = await refusal(officer.payments.schedule({ grantId, dueOn: FUTURE, amount: 2_000_001 }));
    expect(refused).toMatchObject({ code: "SCHEDULE_EXCEEDS_TOTAL", field: "amount" });
    expect(refused.message).toContain("at most $20,000.00 can still be scheduled");
    await officer.payments.act({ id: first.id, action: "cancel" });
    expect(await codeOf(officer.payments.schedule({ grantId, dueOn: FUTURE, amount: 10_000_000 }))).toBe("OK");
  });

  it("refuses scheduling on a closed, cancelled or terminated grant (GRANT_NOT_OPEN)", async () => {
    const grantId = await active();
    const officer = await web("officer");
    await officer.grants.transition({ id: grantId, action: "terminate", reason: "Stopped." });
    expect(await codeOf(officer.payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000 }))).toBe("GRANT_NOT_OPEN");
  });

  it("refuses a requirement of another grant", async () => {
    const [a, b] = [await active(), await active()];
    const officer = await web("officer");
    const other = await officer.requirements.add({ grantId: b, kind: "narrative", stage: "final", dueOn: FUTURE });
    expect(
      await refusal(officer.payments.schedule({ grantId: a, dueOn: FUTURE, amount: 1_000, requirementId: other.id })),
    ).toMatchObject({
      code: "VALIDATION",
      field: "requirementId",
    });
  });
});

describe("acting on payments", () => {
  it("planned -> due -> approved by another officer, with the approver recorded", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const p = await officer.payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000_000 });
    await officer.payments.act({ id: p.id, action: "markDue" });
    expect(await codeOf(officer.payments.act({ id: p.id, action: "approve" }))).toBe("FOUR_EYES_REQUIRED");
    const approved = await (await web("officer2")).payments.act({ id: p.id, action: "approve" });
    expect(approved).toMatchObject({ status: "approved", approvedById: (await callers(db, "officer2")).actor!.userId });
  });

  it("refuses an action the payment's state does not allow (INVALID_TRANSITION)", async () => {
    const grantId = await active();
    const p = await (await web("officer2")).payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000_000 });
    const refused = await refusal((await web("officer")).payments.act({ id: p.id, action: "approve" }));
    expect(refused).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "This instalment is planned, so it cannot be approved.",
    });
    expect(await codeOf((await web("officer")).payments.act({ id: p.id, action: "release" }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("refuses approving an instalment before the grant is approved", async () => {
    const grantId = await grantIn(db, "submitted", grantInput(icbl, [allocation]));
    const officer2 = await web("officer2");
    const p = await officer2.payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000_000 });
    await officer2.payments.act({ id: p.id, action: "markDue" });
    expect(await codeOf((await web("officer")).payments.act({ id: p.id, action: "approve" }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("an overdue report holds its payment: approve and release are refused (PAYMENT_ON_HOLD) until the report is accepted", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const partner = await web("partnerIcbl");
    const interim = await officer.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: PAST });
    const p = await officer2.payments.schedule({
      grantId,
      dueOn: FUTURE,
      amount: 4_000_000,
      requirementId: interim.id,
    });
    await officer2.payments.act({ id: p.id, action: "markDue" });
    const refused = await refusal(officer.payments.act({ id: p.id, action: "approve" }));
    expect(refused.code).toBe("PAYMENT_ON_HOLD");
    expect(refused.message).toContain("interim narrative report that was due on Jan 15, 2002");
    expect((await officer.grants.byId({ id: grantId })).scheduledPayments[0]).toMatchObject({
      blockedByReport: true,
      availableActions: ["hold", "cancel"],
    });
    // The page offers the refresh for the instalments it would hold, and only to those who may refresh.
    expect((await officer.grants.byId({ id: grantId })).holdsToApply).toBe(1);
    expect((await partner.grants.byId({ id: grantId })).holdsToApply).toBe(0);

    // The refresh puts it on hold (one audit event), and a second refresh changes nothing and writes nothing.
    let before = await auditCount(db);
    expect((await officer.payments.refreshHolds({ grantId })).changes).toEqual([
      { paymentId: p.id, sequence: 1, from: "due", to: "on_hold" },
    ]);
    expect(await auditCount(db)).toBe(before + 1);
    before = await auditCount(db);
    expect((await officer.payments.refreshHolds({ grantId })).changes).toEqual([]);
    expect(await auditCount(db)).toBe(before);
    expect((await officer.grants.byId({ id: grantId })).holdsToApply).toBe(0);
    expect(await codeOf(officer.payments.act({ id: p.id, action: "release" }))).toBe("PAYMENT_ON_HOLD");

    // Submitting is not enough (no longer overdue, but not accepted); accepting releases it in the same step.
    await partner.requirements.submit({ requirementId: interim.id, body: "Interim report." });
    expect((await paymentRow(p.id)).status).toBe("on_hold");
    const reviewed = await officer.requirements.review({ requirementId: interim.id, decision: "accepted" });
    expect(reviewed.releasedPayments).toEqual([{ paymentId: p.id, sequence: 1, from: "on_hold", to: "due" }]);
    expect((await paymentRow(p.id)).status).toBe("due");
    expect(await codeOf(officer.payments.act({ id: p.id, action: "approve" }))).toBe("OK");
  });

  it("an instalment tied to a report is approved and paid only once that report is accepted; submitted is not enough", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const interim = await officer.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: FUTURE });
    const p = await officer2.payments.schedule({
      grantId,
      dueOn: "2002-10-01",
      amount: 4_000_000,
      requirementId: interim.id,
      descriptionEn: "40% on acceptance of the interim report",
    });
    await officer2.payments.act({ id: p.id, action: "markDue" });
    await (await web("partnerIcbl")).requirements.submit({ requirementId: interim.id, body: "Interim report." });

    // The page and the service say the same: approval waits for the report.
    expect((await officer.grants.byId({ id: grantId })).scheduledPayments[0]).toMatchObject({
      availableActions: ["hold", "cancel"],
      blocked: [{ action: "approve", block: "reportNotAccepted" }],
    });
    const before = await auditCount(db);
    const refused = await refusal(officer.payments.act({ id: p.id, action: "approve" }));
    expect(refused).toMatchObject({ code: "REPORT_NOT_ACCEPTED" });
    expect(refused.message).toContain("interim narrative report");
    expect(await auditCount(db)).toBe(before);

    await officer.requirements.review({ requirementId: interim.id, decision: "accepted" });
    expect(await codeOf(officer.payments.act({ id: p.id, action: "approve" }))).toBe("OK");
    const paid = await officer2.disbursements.record({
      grantId,
      paidOn: "2002-10-01",
      amount: 4_000_000,
      reference: "EFT-INTERIM",
      idempotencyKey: "interim-accepted",
      scheduledPaymentId: p.id,
    });
    expect(paid.disbursement.scheduledPaymentId).toBe(p.id);
  });

  it("the holdback approved before its final report was accepted (as the old rules allowed) is still not paid", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const final = await officer.requirements.add({ grantId, kind: "narrative", stage: "final", dueOn: FUTURE });
    const p = await (
      await web("officer2")
    ).payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000_000, requirementId: final.id });
    await db.update(scheduledPayments).set({ status: "approved" }).where(eq(scheduledPayments.id, p.id));
    await (await web("partnerIcbl")).requirements.submit({ requirementId: final.id, body: "Final report." });
    const payment = (await officer.grants.byId({ id: grantId })).scheduledPayments[0]!;
    expect(payment).toMatchObject({ canPay: false, blocked: [{ action: "pay", block: "reportNotAccepted" }] });
    const request = {
      grantId,
      paidOn: "2002-12-01",
      amount: 1_000_000,
      reference: "EFT-HOLDBACK",
      idempotencyKey: "holdback-early",
      scheduledPaymentId: p.id,
    };
    expect(await refusal(officer.disbursements.record(request))).toMatchObject({ code: "REPORT_NOT_ACCEPTED" });
    await officer.requirements.review({ requirementId: final.id, decision: "accepted" });
    expect((await officer.grants.byId({ id: grantId })).scheduledPayments[0]).toMatchObject({ canPay: true });
    expect(await codeOf(officer.disbursements.record({ ...request, idempotencyKey: "holdback-accepted" }))).toBe("OK");
  });

  it("waiving an overdue report releases its held payment", async () => {
    const grantId = await active();
    const officer = await web("officer");
    const report = await officer.requirements.add({ grantId, kind: "financial", stage: "interim", dueOn: PAST });
    const p = await (
      await web("officer2")
    ).payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000_000, requirementId: report.id });
    await officer.payments.refreshHolds({ grantId });
    expect((await paymentRow(p.id)).status).toBe("on_hold");
    await officer.requirements.waive({ requirementId: report.id, reason: "Covered by the final report." });
    expect((await paymentRow(p.id)).status).toBe("due");
  });

  it("the seeded NPA grant's second instalment waits on an overdue interim report", async () => {
    const [npa] = await db.select().from(grants).where(eq(grants.reference, "CLF-2002-NPA"));
    const grant = await (await web("officer2")).grants.byId({ id: npa!.id });
    const second = grant.scheduledPayments.find((p) => p.sequence === 2)!;
    expect(second).toMatchObject({ status: "on_hold", blockedByReport: true });
    expect(await codeOf((await web("officer2")).payments.act({ id: second.id, action: "release" }))).toBe(
      "PAYMENT_ON_HOLD",
    );
    const interim = await db
      .select()
      .from(reportingRequirements)
      .where(eq(reportingRequirements.id, second.requirementId!));
    expect(interim[0]!.status).toBe("open");
  });

  it("a partner cannot see another organisation's payment (NOT_FOUND), nor act on its own (FORBIDDEN)", async () => {
    const grantId = await active();
    const p = await (await web("officer")).payments.schedule({ grantId, dueOn: FUTURE, amount: 1_000 });
    expect(await codeOf((await web("partnerIcbl")).payments.act({ id: p.id, action: "cancel" }))).toBe("FORBIDDEN");
    expect(
      await codeOf(
        (await web("officer")).payments.act({ id: "00000000-0000-4000-8000-000000000000", action: "cancel" }),
      ),
    ).toBe("NOT_FOUND");
  });
});
