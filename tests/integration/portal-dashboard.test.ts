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

  it("lists instalments due or approved, saying who has to act (four eyes)", async () => {
    const dashboard = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    const statuses = await db
      .select({ id: scheduledPayments.id, status: scheduledPayments.status })
      .from(scheduledPayments);
    const expected = statuses.filter((p) => p.status === "due" || p.status === "approved").map((p) => p.id);
    expect(dashboard.payments.rows.map((r) => r.paymentId).sort()).toEqual(expected.sort());
    for (const row of dashboard.payments.rows) {
      if (row.status === "approved") expect(row.needs).toBe("payment");
      else expect(["approval", "secondApproval"]).toContain(row.needs);
    }
    // ICBL's second instalment was scheduled by officer@: officer2 approves it.
    const icblSecond = dashboard.payments.rows.find((r) => r.reference === "CLF-2002-ICBL" && r.sequence === 2);
    expect(icblSecond?.needs).toBe("secondApproval");
    const other = await officerDashboard(db, (await actorFor(db, "officer2"))!, TODAY);
    expect(other.payments.rows.find((r) => r.paymentId === icblSecond!.paymentId)?.needs).toBe("approval");
  });

  it("lists reports overdue on the day and reports waiting for review", async () => {
    const dashboard = await officerDashboard(db, (await actorFor(db, "officer"))!, TODAY);
    // On 2002-11-20, nothing open is overdue in the seed except what is due before that day.
    expect(dashboard.overdueReports.rows.length).toBeGreaterThan(0);
    for (const r of dashboard.overdueReports.rows) {
      expect(r.dueOn < TODAY).toBe(true);
      expect(["open", "changes_requested"]).toContain(r.status);
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
    }
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
