import { allocationLedger, allocations, type Database } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { organisationIdOf } from "./support/ledger-fixtures";

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
    const { codeOf } = await import("./support/ledger-fixtures");
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
