import { officerDashboard } from "@portal/api/services";
import { type Database, grants, reportingRequirements, scheduledPayments } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { freshAllocation, grantIn, grantInput, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
const TODAY = "2002-11-20";

function plusDays(iso: string, days: number) {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

describe("the officer dashboard", () => {
  it("lists grants waiting for approval by someone other than their creator", async () => {
    const allocation = await freshAllocation(db, 100_000_000);
    const byOfficer = await grantIn(db, "submitted", grantInput(icbl, [allocation], 1_000_000), "officer");
    const byOfficer2 = await grantIn(db, "submitted", grantInput(icbl, [allocation], 1_000_000), "officer2");
    const forOfficer = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    const ids = forOfficer.approvals.rows.map((r) => r.grantId);
    expect(ids).toContain(byOfficer2);
    expect(ids).not.toContain(byOfficer);
    const forOfficer2 = await officerDashboard(db, (await actorFor(db, "officer2"))!, TODAY);
    expect(forOfficer2.approvals.rows.map((r) => r.grantId)).toContain(byOfficer);
  });

  it("lists instalments due or approved, saying who has to act (four eyes) or what they wait for", async () => {
    const dashboard = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    const statuses = await db
      .select({ id: scheduledPayments.id, status: scheduledPayments.status })
      .from(scheduledPayments);
    const expected = statuses.filter((p) => p.status === "due" || p.status === "approved").map((p) => p.id);
    expect(dashboard.payments.rows.map((r) => r.paymentId).sort()).toEqual(expected.sort());
    for (const row of dashboard.payments.rows) {
      if (row.status === "approved") expect(["payment", "blocked"]).toContain(row.needs);
      else expect(["approval", "secondApproval", "blocked"]).toContain(row.needs);
    }
    // ICBL's second instalment is "40% on acceptance of the interim report", which is only submitted: nobody may
    // approve it yet, whoever scheduled it.
    const icblSecond = dashboard.payments.rows.find((r) => r.reference === "CLF-2002-ICBL" && r.sequence === 2);
    expect(icblSecond).toMatchObject({ needs: "blocked", blockedBy: "reportNotAccepted" });
    const other = await officerDashboard(db, (await actorFor(db, "officer2"))!, TODAY);
    expect(other.payments.rows.find((r) => r.paymentId === icblSecond!.paymentId)).toMatchObject({
      needs: "blocked",
      blockedBy: "reportNotAccepted",
    });
    // CMAC's grant is approved but not active: its approved first instalment waits, it is not "to pay".
    const cmacFirst = dashboard.payments.rows.find((r) => r.reference === "CLF-2002-CMAC" && r.sequence === 1);
    expect(cmacFirst).toMatchObject({ status: "approved", needs: "blocked", blockedBy: "grantNotDisbursable" });
  });

  it("four eyes on the dashboard: a request by officer@ needs another officer; officer2@ is asked to approve it", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 100_000_000)], 1_000_000));
    const requested = await (
      await callers(db, "officer")
    ).web.payments.requestUnscheduled({ grantId, amount: 100_000, dueOn: TODAY, reason: "Translation costs" });
    const mine = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    expect(mine.payments.rows.find((r) => r.paymentId === requested.id)?.needs).toBe("secondApproval");
    const theirs = await officerDashboard(db, (await actorFor(db, "officer2"))!, TODAY);
    expect(theirs.payments.rows.find((r) => r.paymentId === requested.id)?.needs).toBe("approval");
  });

  it("every listed instalment agrees with its grant page and with what the services do", async () => {
    for (const persona of ["officer", "officer2"] as const) {
      const { web, actor } = await callers(db, persona);
      const dashboard = await officerDashboard(db, actor!);
      for (const row of dashboard.payments.rows) {
        const payment = (await web.grants.byId({ id: row.grantId })).scheduledPayments.find(
          (p) => p.id === row.paymentId,
        )!;
        const next = row.status === "due" ? "approve" : "pay";
        const blocked = payment.blocked.find((b) => b.action === next);
        if (row.needs === "payment") expect(payment.canPay).toBe(true);
        if (row.needs === "approval") expect(payment.availableActions).toContain("approve");
        if (row.needs === "blocked") expect(blocked?.block).toBe(row.blockedBy);
        if (row.needs === "blocked" || row.needs === "secondApproval") {
          expect(payment.canPay || payment.availableActions.includes("approve")).toBe(false);
        }
      }
    }
    // And the service refuses what the page does not offer: CMAC #1 cannot be paid, ICBL #2 cannot be approved.
    const { web } = await callers(db, "officer2");
    const [cmac] = await db.select().from(grants).where(eq(grants.reference, "CLF-2002-CMAC"));
    const [cmacFirst] = await db
      .select()
      .from(scheduledPayments)
      .where(and(eq(scheduledPayments.grantId, cmac!.id), eq(scheduledPayments.sequence, 1)));
    const refusedPay = web.disbursements.record({
      grantId: cmac!.id,
      paidOn: "2002-11-15",
      amount: cmacFirst!.amount,
      reference: "EFT-CMAC-1",
      idempotencyKey: "dashboard-agreement-cmac",
      scheduledPaymentId: cmacFirst!.id,
    });
    await expect(refusedPay).rejects.toMatchObject({ cause: { code: "GRANT_NOT_DISBURSABLE" } });
    const [icbl2002] = await db.select().from(grants).where(eq(grants.reference, "CLF-2002-ICBL"));
    const [icblSecond] = await db
      .select()
      .from(scheduledPayments)
      .where(and(eq(scheduledPayments.grantId, icbl2002!.id), eq(scheduledPayments.sequence, 2)));
    await expect(web.payments.act({ id: icblSecond!.id, action: "approve" })).rejects.toMatchObject({
      cause: { code: "REPORT_NOT_ACCEPTED" },
    });
  });

  it("lists reports overdue on the day and reports waiting for review", async () => {
    const dashboard = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    // On 2002-11-20, nothing open is overdue in the seed except what is due before that day.
    expect(dashboard.overdueReports.rows.length).toBeGreaterThan(0);
    for (const r of dashboard.overdueReports.rows) {
      expect(r.dueOn < TODAY).toBe(true);
      expect(["open", "changes_requested"]).toContain(r.status);
      // The row says how late it is: the page lays the figure out, it does not count days.
      expect(plusDays(r.dueOn, r.daysOverdue)).toBe(TODAY);
    }
    expect(
      dashboard.reportsToReview.rows.some((r) => r.reference === "CLF-2002-ICBL" && r.status === "submitted"),
    ).toBe(true);
    const later = await officerDashboard(db, (await actorFor(db, "officer"))!, "2003-06-01");
    expect(later.overdueReports.rows.some((r) => r.reference === "CLF-2002-MAC" && r.stage === "final")).toBe(true);
  });

  it("lists active grants ending within 60 days, and not those ending later or already ended", async () => {
    const fresh = await freshAllocation(db, 100_000_000);
    const soon = await grantIn(db, "active", grantInput(icbl, [fresh], 1_000_000));
    const later = await grantIn(db, "active", grantInput(icbl, [fresh], 1_000_000));
    const today = "2003-01-10";
    await db
      .update(grants)
      .set({ endsOn: plusDays(today, 59) })
      .where(eq(grants.id, soon));
    await db
      .update(grants)
      .set({ endsOn: plusDays(today, 61) })
      .where(eq(grants.id, later));
    const dashboard = await officerDashboard(db, (await actorFor(db, "officer"))!, today);
    const ids = dashboard.endingSoon.rows.map((r) => r.grantId);
    expect(ids).toContain(soon);
    expect(ids).not.toContain(later);
    for (const row of dashboard.endingSoon.rows) {
      expect(row.endsOn >= today && row.endsOn <= plusDays(today, 60)).toBe(true);
      expect(plusDays(today, row.daysLeft)).toBe(row.endsOn);
      expect(row.remaining).toBe(row.totalAmount - row.disbursed);
    }
    expect(dashboard.endingSoon.rows.find((r) => r.grantId === soon)?.daysLeft).toBe(59);
  });

  it("through the API: every row names a grant the officer can open", async () => {
    const { web } = await callers(db, "officer");
    const dashboard = await web.dashboard.officer();
    const rows = [
      ...dashboard.approvals.rows,
      ...dashboard.payments.rows,
      ...dashboard.overdueReports.rows,
      ...dashboard.reportsToReview.rows,
      ...dashboard.endingSoon.rows,
    ];
    for (const row of rows.slice(0, 20)) expect((await web.grants.byId({ id: row.grantId })).id).toBe(row.grantId);
    const [anyRequirement] = await db
      .select()
      .from(reportingRequirements)
      .where(and(eq(reportingRequirements.status, "submitted")));
    expect(dashboard.reportsToReview.rows.map((r) => r.requirementId)).toContain(anyRequirement!.id);
  });
});
