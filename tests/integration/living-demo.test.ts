import { officerActionItems } from "@portal/api/notifications";
import { officerDashboard, partnerWorkspace } from "@portal/api/services";
import {
  allocationLedger,
  allocations,
  type Database,
  disbursements,
  fundingLines,
  grantAmendments,
  grantComponents,
  grants,
  programmes,
  reportingRequirements,
  scheduledPayments,
} from "@portal/db";
import { seed } from "@portal/db/seed";
import { addDays, fiscalYearOf } from "@portal/domain";
import { and, asc, eq, inArray, like, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers } from "./support/actors";
import { createTestDatabase, seededTestDatabase } from "./support/db";
import { codeOf } from "./support/ledger-fixtures";

/**
 * The demo as `npm start` loads it, dated on days that stress the calendar: a month's first day, the fiscal year's
 * first day (1 April), and its last day (31 March, also a month's end).
 */
const DATES = ["2026-12-01", "2027-04-01", "2027-03-31"] as const;

const databases: { today: string; db: Database; drop: () => Promise<void> }[] = [];
/** The demo the other tests use, dated DEMO_2002_SNAPSHOT. */
let snapshot: Database;
let dropSnapshot: () => Promise<void>;

beforeAll(async () => {
  ({ db: snapshot, drop: dropSnapshot } = await seededTestDatabase());
  for (const today of DATES) {
    const { db, drop } = await createTestDatabase();
    await seed(db, { demo: true, today });
    databases.push({ today, db, drop });
  }
}, 120_000);
afterAll(async () => {
  for (const { drop } of databases) await drop();
  await dropSnapshot();
});

const sameMonth = (a: string, b: string) => a.slice(0, 7) === b.slice(0, 7);
const isDemo = (reference: string) => reference.startsWith("DEMO-");

describe.each(DATES.map((today, index) => ({ today, index })))("the living demo dated $today", ({ today, index }) => {
  const at = () => databases[index]!.db;
  const year = fiscalYearOf(today);

  it("keeps every figure of the 2001-2002 source document", async () => {
    const web = (await callers(at(), "officer")).web;
    const { partnerships, conferences } = await web.annualReport.byFiscalYear({ fiscalYear: 2001 });
    const icbl = partnerships.find((p) => p.acronym === "ICBL")!;
    expect(icbl.total).toBe(48_474_400);
    expect(icbl.components.find((c) => c.titleEn.includes("Landmine Monitor"))?.amount).toBe(21_000_000);
    expect(partnerships.find((p) => p.acronym === "MAC")?.total).toBe(31_740_000);
    expect(conferences.find((c) => c.city === "Warsaw")).toMatchObject({ funding: 4_080_300 });
  });

  it("shows the 2000-2003 grants as history: closed (or never approved, cancelled), reports accepted, all paid", async () => {
    const history = await at().select().from(grants).where(lt(grants.startsOn, "2003-04-01"));
    expect(history).toHaveLength(11);
    for (const grant of history) {
      expect(["closed", "cancelled"], grant.reference).toContain(grant.status);
      if (grant.status === "closed") expect(grant.disbursed, grant.reference).toBe(grant.totalAmount);
    }
    const ids = history.map((g) => g.id);
    const reports = await at().select().from(reportingRequirements).where(inArray(reportingRequirements.grantId, ids));
    expect(reports.every((r) => r.status === "accepted")).toBe(true);
    const payments = await at().select().from(scheduledPayments).where(inArray(scheduledPayments.grantId, ids));
    expect(payments.every((p) => p.status === "paid")).toBe(true);
    // Nothing any allocation of those years commits has moved: compare with the demo as it stood in December 2002.
    const committedUpTo2002 = (on: Database) =>
      on
        .select({ id: allocations.id, amount: allocations.amount, committed: allocations.committed })
        .from(allocations)
        .where(lt(allocations.fiscalYear, 2003))
        .orderBy(asc(allocations.id));
    expect(await committedUpTo2002(at())).toEqual(await committedUpTo2002(snapshot));
  });

  it("gives the officer today's work and nothing from 2002", async () => {
    const officer = (await actorFor(at(), "officer"))!;
    const dashboard = await officerDashboard(at(), officer, today);
    const lists = [
      dashboard.approvals,
      dashboard.amendmentsToApprove,
      dashboard.payments,
      dashboard.overdueReports,
      dashboard.reportsToReview,
      dashboard.endingSoon,
    ];
    for (const list of lists) {
      expect(list.total).toBeGreaterThan(0);
      expect(list.rows.every((row) => isDemo(row.reference))).toBe(true);
    }

    expect(dashboard.overdueReports.total).toBe(1);
    expect(dashboard.overdueReports.rows[0]).toMatchObject({
      reference: `DEMO-${year}-ICBL-UNIV`,
      dueOn: addDays(today, -12),
      overdue: true,
    });

    const dueThisMonth = dashboard.payments.rows.filter((row) => sameMonth(row.dueOn, today));
    expect(dueThisMonth.map((row) => [row.reference, row.status, row.needs]).sort()).toEqual([
      [`DEMO-${year}-HALO`, "due", "secondApproval"],
      [`DEMO-${year}-MAC`, "approved", "payment"],
    ]);
    const forSecondOfficer = await officerDashboard(at(), (await actorFor(at(), "officer2"))!, today);
    expect(forSecondOfficer.payments.rows.find((row) => row.reference === `DEMO-${year}-HALO`)?.needs).toBe("approval");

    expect(dashboard.approvals.rows.map((row) => row.reference)).toEqual([`DEMO-${year}-HI`]);
    expect(dashboard.reportsToReview.rows.map((row) => row.reference)).toEqual([`DEMO-${year}-ICBL-LM`]);
    expect(dashboard.endingSoon.rows.map((row) => row.reference)).toEqual([`DEMO-${year}-CMAC`]);
  });

  it("has an amendment awaiting approval: proposed by the second officer, for the first to approve, figures untouched", async () => {
    const officer = (await actorFor(at(), "officer"))!;
    const dashboard = await officerDashboard(at(), officer, today);
    expect(dashboard.amendmentsToApprove.total).toBe(1);
    const [row] = dashboard.amendmentsToApprove.rows;
    expect(row).toMatchObject({
      reference: `DEMO-${year}-CMAC`,
      proposedBy: "Omar Officer",
      changedFields: ["endsOn", "paymentDueOn", "requirementDueOn"],
      path: `/grants/${row!.grantId}#amendments`,
    });
    // Its proposer is not asked to approve it (four eyes), on the dashboard or in the morning e-mail.
    const proposer = (await actorFor(at(), "officer2"))!;
    expect((await officerDashboard(at(), proposer, today)).amendmentsToApprove.total).toBe(0);
    const digest = await officerActionItems(at(), officer, today);
    expect(digest.filter((i) => i.section === "approveAmendment").map((i) => [i.grant.reference, i.path])).toEqual([
      [`DEMO-${year}-CMAC`, row!.path],
    ]);
    expect((await officerActionItems(at(), proposer, today)).some((i) => i.section === "approveAmendment")).toBe(false);

    // Pending, it changes nothing yet: the grant still ends within 60 days.
    const [grant] = await at().select().from(grants).where(eq(grants.id, row!.grantId));
    expect(grant!.endsOn).toBe(addDays(today, 40));
    const [amendment] = await at().select().from(grantAmendments).where(eq(grantAmendments.grantId, grant!.id));
    expect(amendment).toMatchObject({ status: "pending", number: null });
    expect(amendment!.changes).toEqual(
      expect.arrayContaining([{ field: "endsOn", before: addDays(today, 40), after: addDays(today, 131) }]),
    );
  });

  it("gives each partner reports due soon and payments to come", async () => {
    const soon = addDays(today, 30);
    for (const persona of ["partnerIcbl", "partnerMac"] as const) {
      const workspace = await partnerWorkspace(at(), (await actorFor(at(), persona))!, today);
      const dueSoon = workspace.reports.filter(
        (r) => ["open", "changes_requested"].includes(r.status) && r.dueOn >= today && r.dueOn <= soon,
      );
      expect(dueSoon.length, persona).toBeGreaterThan(0);
      expect(workspace.upcoming.total, persona).toBeGreaterThan(0);
      expect(workspace.received.rows.some((r) => fiscalYearOf(r.paidOn) === year && r.paidOn <= today)).toBe(true);
    }
    const icbl = await partnerWorkspace(at(), (await actorFor(at(), "partnerIcbl"))!, today);
    expect(icbl.reports.filter((r) => r.overdue).map((r) => r.reference)).toEqual([`DEMO-${year}-ICBL-UNIV`]);
  });

  it("budgets the current and next fiscal year, committed by the portfolio, running totals equal to the ledger", async () => {
    const rows = await at()
      .select({
        code: programmes.code,
        fiscalYear: allocations.fiscalYear,
        amount: allocations.amount,
        committed: allocations.committed,
        disbursed: allocations.disbursed,
        provenance: allocations.provenance,
        ledgerCommitted: allocationLedger.committed,
        ledgerDisbursed: allocationLedger.disbursed,
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .innerJoin(allocationLedger, eq(allocationLedger.allocationId, allocations.id))
      .orderBy(asc(allocations.fiscalYear), asc(programmes.code));
    for (const row of rows) {
      expect(row.committed).toBe(Number(row.ledgerCommitted));
      expect(row.disbursed).toBe(Number(row.ledgerDisbursed));
    }
    const present = rows.filter((row) => row.fiscalYear >= year);
    expect(present.map((row) => [row.code, row.fiscalYear, row.committed, row.provenance])).toEqual([
      // HALO $350,000 + MAC $320,000 + CMAC $280,000 + ICBL universalisation $185,000.
      ["MAPP", year, 113_500_000, "illustrative"],
      ["MMP", year, 24_000_000, "illustrative"],
      // NPA $400,000 approved; HI's $210,000 is only submitted, so commits nothing yet.
      ["MAPP", year + 1, 40_000_000, "illustrative"],
      ["MMP", year + 1, 25_000_000, "illustrative"],
    ]);
    // The Fund's announced envelope (1997-12 to 2003-03) is drawn on by its own years, not by today's budgets.
    const admin = (await callers(at(), "admin")).admin;
    const clf = (await admin.budgetAdministration.overview()).programmes.find((p) => p.code === "CLF")!;
    const fund = await admin.budgetAdministration.programmeBudget({ programmeId: clf.id });
    const historical = rows.filter((row) => row.fiscalYear <= 2002).reduce((sum, row) => sum + row.amount, 0);
    expect(fund.envelopeUnallocated).toBe(10_000_000_000 - historical);
    // Money paid is booked to this fiscal year, inside each grant's period, and never after the seed's date.
    const paid = await at()
      .select({ paidOn: disbursements.paidOn, fiscalYear: disbursements.fiscalYear, startsOn: grants.startsOn })
      .from(disbursements)
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .where(like(grants.reference, "DEMO-%"));
    expect(paid.length).toBeGreaterThan(0);
    for (const row of paid) {
      expect(row.fiscalYear).toBe(year);
      expect(row.paidOn >= row.startsOn && row.paidOn <= today).toBe(true);
    }
  });

  it("labels every present-day record illustrative", async () => {
    const demo = await at().select().from(grants).where(like(grants.reference, "DEMO-%"));
    expect(demo).toHaveLength(8);
    expect(demo.every((g) => g.provenance === "illustrative" && g.reference.startsWith(`DEMO-${year}-`))).toBe(true);
    const ids = demo.map((g) => g.id);
    const components = await at().select().from(grantComponents).where(inArray(grantComponents.grantId, ids));
    const lines = await at().select().from(fundingLines).where(inArray(fundingLines.grantId, ids));
    expect([...components, ...lines].every((row) => row.provenance === "illustrative")).toBe(true);
  });

  it("is idempotent on its date: a second run writes nothing", async () => {
    const again = await seed(at(), { demo: true, today });
    expect(Object.values(again.written).every((count) => count === 0)).toBe(true);
  });
});

describe("the living demo is deterministic given its date", () => {
  it("builds the same portfolio in two databases seeded on the same day", async () => {
    const { db, drop } = await createTestDatabase();
    try {
      await seed(db, { demo: true, today: DATES[0] });
      const shape = (on: Database) =>
        on
          .select({
            id: scheduledPayments.id,
            dueOn: scheduledPayments.dueOn,
            status: scheduledPayments.status,
            amount: scheduledPayments.amount,
          })
          .from(scheduledPayments)
          .orderBy(asc(scheduledPayments.id));
      expect(await shape(db)).toEqual(await shape(databases[0]!.db));
    } finally {
      await drop();
    }
  });
});

describe("what the living demo offers is what the ledger does", () => {
  // Dated 2026-12-01, not in the future of any run from then on, so a payment dated that day is accepted.
  const on = () => databases[0]!.db;
  const paymentOf = async (reference: string, sequence: number) => {
    const [row] = await on()
      .select({ id: scheduledPayments.id, grantId: grants.id, amount: scheduledPayments.amount })
      .from(scheduledPayments)
      .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
      .where(and(eq(grants.reference, reference), eq(scheduledPayments.sequence, sequence)));
    return row!;
  };

  it("pays the instalment listed 'to pay', and the second officer approves the one waiting for them", async () => {
    const officer = (await callers(on(), "officer")).web;
    const mac = await paymentOf("DEMO-2026-MAC", 2);
    const paid = await officer.disbursements.record({
      grantId: mac.grantId,
      paidOn: DATES[0],
      amount: mac.amount,
      reference: "EFT-DEMO-MAC-2",
      idempotencyKey: "living-demo-mac-2",
      scheduledPaymentId: mac.id,
    });
    expect(paid.disbursement).toMatchObject({ amount: 12_800_000, fiscalYear: 2026 });

    const halo = await paymentOf("DEMO-2026-HALO", 1);
    expect(await codeOf(officer.payments.act({ id: halo.id, action: "approve" }))).toBe("FOUR_EYES_REQUIRED");
    const approved = await (await callers(on(), "officer2")).web.payments.act({ id: halo.id, action: "approve" });
    expect(approved).toMatchObject({ status: "approved" });
  });

  it("the first officer approves the amendment awaiting them, by the service's rule, which finds the seeded changes", async () => {
    const [grant] = await on().select().from(grants).where(eq(grants.reference, "DEMO-2026-CMAC"));
    const [seeded] = await on().select().from(grantAmendments).where(eq(grantAmendments.grantId, grant!.id));
    const committed = async () =>
      (await on().select({ committed: allocations.committed }).from(allocations).orderBy(asc(allocations.id))).map(
        (a) => a.committed,
      );
    const before = await committed();
    expect(await codeOf((await callers(on(), "officer2")).web.amendments.approve({ id: seeded!.id }))).toBe(
      "FOUR_EYES_REQUIRED",
    );
    const approved = await (await callers(on(), "officer")).web.amendments.approve({ id: seeded!.id });
    // Approval plans the request again against the grant (planAmendment): the same changes the seed wrote.
    expect(approved).toMatchObject({ status: "approved", number: 1 });
    expect(approved.changes).toEqual(seeded!.changes);
    const [extended] = await on().select().from(grants).where(eq(grants.id, grant!.id));
    expect(extended!.endsOn).toBe(addDays(DATES[0], 131));
    // An extension moves no money.
    expect(await committed()).toEqual(before);
  });
});
