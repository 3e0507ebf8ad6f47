import { allocationLedger, allocations, type Database } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  approvedUnscheduled,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// The budget review's charts and drill-downs against the budget figures: every figure must be the sum of the rows
// behind it, on the seeded history (FY 2001-2002, the source document's year) and on every other seeded year.

let db: Database;
let drop: () => Promise<void>;
type Admin = Awaited<ReturnType<typeof callers>>["admin"];
let admin: Admin;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  admin = (await callers(db, "admin")).admin;
});
afterAll(() => drop());

describe("FY 2001-2002", () => {
  it("drills down from the ICBL partner figure to ICBL's seeded disbursements", async () => {
    const icbl = await organisationIdOf(db, "icbl");
    const review = await admin.budgetReview.review({ fiscalYear: "2001-2002" });
    const partner = review.byPartner.find((p) => p.organisation.id === icbl)!;
    expect(partner).toMatchObject({ funded: 48_474_400, committed: 48_474_400, disbursed: 48_474_400 });
    const drill = await admin.budgetReview.drilldown({ fiscalYear: 2001, organisationId: icbl });
    expect(drill.grants.map((g) => `${g.grant.reference}/${g.programmeCode}`).sort()).toEqual([
      "CLF-2001-ICBL/MAPP",
      "CLF-2001-ICBL/MMP",
    ]);
    // Three instalments (50/40/10) from each of the two funding lines.
    expect(drill.disbursements).toHaveLength(6);
    expect(drill.disbursements.every((d) => d.grant.reference === "CLF-2001-ICBL")).toBe(true);
    expect(drill.totals.disbursements).toBe(partner.disbursed);
    expect(drill.directCosts).toEqual([]);
    expect(drill.disbursements.map((d) => d.reference)).toContain("CLF-2001-ICBL/P1/MMP-2001");
  });

  it("counts the Warsaw seminar's direct cost in the quarter it was held", async () => {
    const review = await admin.budgetReview.review({ fiscalYear: 2001 });
    expect(review.directCosts).toBe(4_080_300);
    const q1 = review.byQuarter.find((q) => q.period === "2001-Q1")!;
    expect(q1.directCosts).toBe(4_080_300);
    const drill = await admin.budgetReview.drilldown({ fiscalYear: 2001, period: "2001-Q1" });
    expect(drill.directCosts.map((c) => c.slug)).toEqual(["warsaw-2001"]);
    expect(drill.totals.disbursedWithDirectCosts).toBe(q1.total);
    expect(drill.disbursements.length).toBeGreaterThan(0);
    expect(drill.disbursements.every((d) => d.fiscalYear === 2001 && d.fiscalQuarter === 1)).toBe(true);
  });
});

describe("every seeded fiscal year", () => {
  it("adds up: allocations = drill-downs = the ledger view, quarters and partners = the year's totals", async () => {
    const years = await admin.budgets.fiscalYears();
    expect(years.length).toBeGreaterThan(0);
    for (const fiscalYear of years) {
      const review = await admin.budgetReview.review({ fiscalYear });
      for (const line of review.lines) {
        const drill = await admin.budgetReview.drilldown({ allocationId: line.allocationId });
        const [facts] = await db
          .select()
          .from(allocationLedger)
          .where(eq(allocationLedger.allocationId, line.allocationId));
        const [stored] = await db.select().from(allocations).where(eq(allocations.id, line.allocationId));
        const context = { fiscalYear, programme: line.programme.code };
        expect({ ...context, committed: drill.totals.committedWithDirectCosts }).toEqual({
          ...context,
          committed: line.committed,
        });
        expect({ ...context, disbursed: drill.totals.disbursedWithDirectCosts }).toEqual({
          ...context,
          disbursed: line.disbursed,
        });
        expect({ ...context, linesDisbursed: drill.totals.linesDisbursed }).toEqual({
          ...context,
          linesDisbursed: drill.totals.disbursements,
        });
        expect({ committed: facts!.committed, disbursed: facts!.disbursed }).toEqual({
          committed: stored!.committed,
          disbursed: stored!.disbursed,
        });
      }
      const context = { fiscalYear };
      expect({ ...context, quarters: sum(review.byQuarter.map((q) => q.total)) }).toEqual({
        ...context,
        quarters: review.totals.disbursed,
      });
      expect({ ...context, partners: sum(review.byPartner.map((p) => p.committed)) + review.directCosts }).toEqual({
        ...context,
        partners: review.totals.committed,
      });
      expect({ ...context, partners: sum(review.byPartner.map((p) => p.disbursed)) + review.directCosts }).toEqual({
        ...context,
        partners: review.totals.disbursed,
      });
      // The tables' footers, from the service: the quarters' and the partners' own sums, the year's totals.
      expect({ ...context, ...review.quarterTotals }).toEqual({
        ...context,
        grants: sum(review.byQuarter.map((q) => q.grants)),
        directCosts: review.directCosts,
        total: review.totals.disbursed,
      });
      expect({ ...context, ...review.partnerTotals }).toEqual({
        ...context,
        committed: review.totals.committed,
        disbursed: review.totals.disbursed,
      });
      // Each quarter's drill-down lists exactly that quarter's money.
      for (const quarter of review.byQuarter) {
        const drill = await admin.budgetReview.drilldown({ fiscalYear, period: quarter.period });
        expect({ period: quarter.period, total: drill.totals.disbursedWithDirectCosts }).toEqual({
          period: quarter.period,
          total: quarter.total,
        });
      }
    }
  });

  it("refuses an unknown allocation or organisation, and a drill-down with neither year nor allocation", async () => {
    expect(await codeOf(admin.budgetReview.drilldown({ allocationId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await codeOf(
        admin.budgetReview.drilldown({ fiscalYear: 2001, organisationId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(admin.budgetReview.drilldown({}))).toBe("BAD_REQUEST");
  });
});

describe("the review's figures after mixed operations, through the API", () => {
  // One allocation of its own in FY 2002-2003 ($500,000), so every figure below is this test's arithmetic:
  //   A  $100,000 active: $30,000 paid 2002-06-01 (Q1), $20,000 paid 2003-03-15 (March: Q4 of FY 2002-2003),
  //      $10,000 paid 2002-10-01 and reversed 2002-11-01 (Q3, net nothing)
  //   B  $50,000 left in draft (commits nothing)
  //   C  $40,000 approved, then cancelled (commits nothing)
  //   D  $80,000 active, $20,000 paid 2002-08-01 (Q2), then terminated (commits what it was paid)
  // allocated 50,000,000 cents; committed 10,000,000 + 2,000,000; disbursed 3,000,000 + 2,000,000 + 2,000,000.
  const EXPECTED = { allocated: 50_000_000, committed: 12_000_000, disbursed: 7_000_000, available: 38_000_000 };
  type Review = Awaited<ReturnType<Admin["budgetReview"]["review"]>>;
  type Web = Awaited<ReturnType<typeof callers>>["web"];
  let icbl: string;
  let allocationId: string;
  let officer: Web;
  let officer2: Web;
  let before: Review;
  let review: Review;
  const grants: Record<"a" | "d", string> = { a: "", d: "" };
  // Every payment has four eyes: an unscheduled instalment approved by another officer, then paid.
  const pay = async (grantId: string, paidOn: string, amount: number, reference: string) =>
    officer.disbursements.record({
      grantId,
      paidOn,
      amount,
      reference,
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, grantId, amount),
    });

  beforeAll(async () => {
    icbl = await organisationIdOf(db, "icbl");
    allocationId = await freshAllocation(db, EXPECTED.allocated, 2002);
    officer = (await callers(db, "officer")).web;
    officer2 = (await callers(db, "officer2")).web;
    before = await admin.budgetReview.review({ fiscalYear: 2002 });

    const a = await grantIn(db, "active", grantInput(icbl, [allocationId], 10_000_000));
    await pay(a, "2002-06-01", 3_000_000, "EFT-A-JUNE");
    await pay(a, "2003-03-15", 2_000_000, "EFT-A-MARCH");
    const mistaken = await pay(a, "2002-10-01", 1_000_000, "EFT-A-TWICE");
    await officer.disbursements.reverse({
      disbursementId: mistaken.disbursement.id,
      reason: "Paid twice.",
      paidOn: "2002-11-01",
      idempotencyKey: newKey(),
    });
    await grantIn(db, "draft", grantInput(icbl, [allocationId], 5_000_000));
    const c = await grantIn(db, "approved", grantInput(icbl, [allocationId], 4_000_000));
    await officer.grants.transition({ id: c, action: "cancel", reason: "Withdrawn by the partner." });
    const d = await grantIn(db, "active", grantInput(icbl, [allocationId], 8_000_000));
    await pay(d, "2002-08-01", 2_000_000, "EFT-D-AUGUST");
    await officer2.grants.transition({ id: d, action: "terminate", reason: "Project stopped." });
    Object.assign(grants, { a, d });
    review = await admin.budgetReview.review({ fiscalYear: 2002 });
  });

  it("gives the allocation's allocated, committed, disbursed and available, and moves the year and partner by them", () => {
    expect(before.lines.find((l) => l.allocationId === allocationId)).toMatchObject({
      allocated: EXPECTED.allocated,
      committed: 0,
      disbursed: 0,
      available: EXPECTED.allocated,
    });
    expect(review.lines.find((l) => l.allocationId === allocationId)).toMatchObject(EXPECTED);
    // The year's totals moved by exactly this allocation's figures (it was already counted as allocated).
    expect({
      committed: review.totals.committed - before.totals.committed,
      disbursed: review.totals.disbursed - before.totals.disbursed,
      available: review.totals.available - before.totals.available,
    }).toEqual({ committed: EXPECTED.committed, disbursed: EXPECTED.disbursed, available: -EXPECTED.committed });
    const partner = (r: Review) => r.byPartner.find((p) => p.organisation.id === icbl)!;
    expect({
      committed: partner(review).committed - partner(before).committed,
      disbursed: partner(review).disbursed - partner(before).disbursed,
    }).toEqual({ committed: EXPECTED.committed, disbursed: EXPECTED.disbursed });
  });

  it("puts a payment made in March in the fourth quarter of the fiscal year that began the April before", async () => {
    const drill = await admin.budgetReview.drilldown({ allocationId });
    expect(drill.disbursements.find((p) => p.reference === "EFT-A-MARCH")).toMatchObject({
      fiscalYear: 2002,
      fiscalQuarter: 4,
      amountCad: 2_000_000,
    });
    expect(review.byQuarter.map((q) => q.period)).toEqual(["2002-Q1", "2002-Q2", "2002-Q3", "2002-Q4"]);
    const delta = (period: string) =>
      review.byQuarter.find((q) => q.period === period)!.grants -
      before.byQuarter.find((q) => q.period === period)!.grants;
    expect(["2002-Q1", "2002-Q2", "2002-Q3", "2002-Q4"].map(delta)).toEqual([3_000_000, 2_000_000, 0, 2_000_000]);
  });

  it("refuses steps the lifecycles forbid, through the API, and moves no figure", async () => {
    const draft = await grantIn(db, "draft", grantInput(icbl, [allocationId], 1_000_000));
    expect(await codeOf(officer.grants.transition({ id: draft, action: "activate" }))).toBe("INVALID_TRANSITION");
    expect(await codeOf(officer.grants.transition({ id: grants.a, action: "close" }))).toBe("INVALID_TRANSITION");
    expect(await codeOf(officer.grants.transition({ id: grants.d, action: "resume" }))).toBe("INVALID_TRANSITION");
    expect(await codeOf(pay(grants.d, "2002-09-01", 100_000, "EFT-D-AFTER"))).not.toBe("OK");
    const planned = await officer2.payments.schedule({ grantId: grants.a, dueOn: "2003-03-01", amount: 100_000 });
    expect(await codeOf(officer.payments.act({ id: planned.id, action: "approve" }))).toBe("INVALID_TRANSITION");
    const after = await admin.budgetReview.review({ fiscalYear: 2002 });
    expect(after.lines.find((l) => l.allocationId === allocationId)).toMatchObject(EXPECTED);
    expect(after.totals).toEqual(review.totals);
  });
});
