import { allocationLedger, type Database, fundingLineLedger, fundingLines, grantComponents } from "@portal/db";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededRaceDatabase } from "./support/db";
import {
  allocationRow,
  approvedUnscheduled,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  grantRow,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// Amendments racing payments, payment requests, other approvals and the admin's allocation changes, many requests at
// once through a pool big enough that they overlap. Each test is built so that a missing lock shows: a raw database
// refusal (a CHECK) where a domain refusal was expected, a schedule above the total, or a commitment past the
// allocation. The running totals must equal the ledger views afterwards.

let setup: Database;
let db: Database;
let drop: () => Promise<void>;
let icbl: string;

beforeAll(async () => {
  ({ setup, db, drop } = await seededRaceDatabase());
  icbl = await organisationIdOf(setup, "icbl");
});
afterAll(() => drop());

const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
const officers = async () => [(await callers(db, "officer")).web, (await callers(db, "officer2")).web];

async function expectLedgerConsistent() {
  const drift = await db.execute(sql`
    select a.id from allocations a join ${allocationLedger} l on l.allocation_id = a.id
     where a.committed <> l.committed or a.disbursed <> l.disbursed
    union all
    select f.id from funding_lines f join ${fundingLineLedger} l on l.funding_line_id = f.id where f.disbursed <> l.disbursed
    union all
    select g.id from grants g where g.disbursed <> coalesce((select sum(amount) from disbursements d where d.grant_id = g.id), 0)`);
  expect(drift).toEqual([]);
}

async function resplit(grantId: string, total: number) {
  const [first, ...rest] = await setup
    .select({ id: grantComponents.id, amount: grantComponents.amount })
    .from(grantComponents)
    .where(eq(grantComponents.grantId, grantId))
    .orderBy(asc(grantComponents.position));
  return [{ id: first!.id, amount: total - rest.reduce((sum, c) => sum + c.amount, 0) }, ...rest];
}

describe("amendments under concurrency", () => {
  it.each([1, 2, 3])(
    "round %i: approving a re-split races 10 payments on the line it shrinks; no line ever pays more than it holds",
    async () => {
      const [a, b] = [await freshAllocation(setup, 50_000_000), await freshAllocation(setup, 50_000_000)];
      const grantId = await grantIn(setup, "active", grantInput(icbl, [a, b], 10_000_000));
      const [lineA] = await setup.select().from(fundingLines).where(eq(fundingLines.allocationId, a));
      const instalments = [];
      for (let i = 0; i < 10; i++) instalments.push(await approvedUnscheduled(setup, grantId, 500_000));
      const proposal = await (
        await callers(setup, "officer")
      ).web.amendments.propose({
        grantId,
        reason: "Most of the work moves to the other programme.",
        fundingLines: [
          { allocationId: a, amount: 2_000_000 },
          { allocationId: b, amount: 8_000_000 },
        ],
      });
      const [officer, officer2] = await officers();
      const payments = instalments.map((scheduledPaymentId, i) =>
        codeOf(
          (i % 2 ? officer! : officer2!).disbursements.record({
            grantId,
            paidOn: "2002-07-01",
            amount: 500_000,
            reference: `EFT-${i}`,
            idempotencyKey: newKey(),
            scheduledPaymentId,
            fundingLineId: lineA!.id,
          }),
        ),
      );
      // The approval goes in the middle of the payments.
      const approval = codeOf(officer2!.amendments.approve({ id: proposal.id }));
      const [amended, ...paid] = await Promise.all([approval, ...payments]);

      expect(["OK", "AMENDMENT_BELOW_PAID"]).toContain(amended);
      expect(Object.keys(tally(paid)).every((code) => ["OK", "FUNDING_LINE_EXCEEDED"].includes(code))).toBe(true);
      const [line] = await db.select().from(fundingLines).where(eq(fundingLines.id, lineA!.id));
      expect(line!.disbursed).toBeLessThanOrEqual(line!.amount);
      expect(line!.disbursed).toBe(paid.filter((c) => c === "OK").length * 500_000);
      if (amended === "OK") expect(line!.amount).toBe(2_000_000);
      else expect(line!.disbursed).toBeGreaterThan(2_000_000);
      await expectLedgerConsistent();
    },
  );

  it("approving a cut races 10 payment requests: the schedule never ends above the grant's total", async () => {
    const allocation = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [allocation], 10_000_000));
    const proposal = await (
      await callers(setup, "officer")
    ).web.amendments.propose({
      grantId,
      reason: "The work is smaller.",
      totalAmount: 6_000_000,
      components: await resplit(grantId, 6_000_000),
      fundingLines: [{ allocationId: allocation, amount: 6_000_000 }],
    });
    const [officer, officer2] = await officers();
    const requests = Array.from({ length: 10 }, (_, i) =>
      codeOf(
        (i % 2 ? officer! : officer2!).payments.requestUnscheduled({
          grantId,
          amount: 1_000_000,
          dueOn: "2002-07-01",
          reason: `Request ${i}`,
        }),
      ),
    );
    const [amended, ...requested] = await Promise.all([
      codeOf(officer2!.amendments.approve({ id: proposal.id })),
      ...requests,
    ]);
    expect(["OK", "SCHEDULE_EXCEEDS_TOTAL"]).toContain(amended);
    expect(Object.keys(tally(requested)).every((c) => ["OK", "SCHEDULE_EXCEEDS_TOTAL"].includes(c))).toBe(true);
    const grant = await grantRow(db, grantId);
    const [{ scheduled }] = (await db.execute(
      sql`select coalesce(sum(amount), 0)::bigint as scheduled from scheduled_payments where grant_id = ${grantId} and status <> 'cancelled'`,
    )) as unknown as [{ scheduled: string }];
    expect(Number(scheduled)).toBeLessThanOrEqual(grant.totalAmount);
    expect(grant.totalAmount).toBe(amended === "OK" ? 6_000_000 : 10_000_000);
    await expectLedgerConsistent();
  });

  it("15 amendments raising grants on one allocation with room for 3: exactly 3 apply, available never negative", async () => {
    const allocation = await freshAllocation(setup, 40_000_000);
    const proposals = [];
    const proposer = (await callers(setup, "officer")).web;
    for (let i = 0; i < 15; i++) {
      const grantId = await grantIn(setup, "active", grantInput(icbl, [allocation], 2_000_000));
      proposals.push(
        await proposer.amendments.propose({
          grantId,
          reason: "More work.",
          totalAmount: 5_000_000,
          components: await resplit(grantId, 5_000_000),
          fundingLines: [{ allocationId: allocation, amount: 5_000_000 }],
        }),
      );
    }
    const approvers = [(await callers(db, "officer2")).web, (await callers(db, "officer2")).web];
    const codes = await Promise.all(
      proposals.map((p, i) => codeOf(approvers[i % 2]!.amendments.approve({ id: p.id }))),
    );
    expect(tally(codes)).toEqual({ OK: 3, ALLOCATION_EXCEEDED: 12 });
    const row = await allocationRow(db, allocation);
    expect(row.committed).toBe(30_000_000 + 3 * 3_000_000);
    expect(row.committed).toBeLessThanOrEqual(row.amount);
    await expectLedgerConsistent();
  });

  it("10 parallel approvals of one amendment: it is applied once", async () => {
    const allocation = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [allocation], 10_000_000));
    const proposal = await (
      await callers(setup, "officer")
    ).web.amendments.propose({
      grantId,
      reason: "Cut.",
      totalAmount: 7_000_000,
      components: await resplit(grantId, 7_000_000),
      fundingLines: [{ allocationId: allocation, amount: 7_000_000 }],
    });
    const approvers = [(await callers(db, "officer2")).web, (await callers(db, "officer2")).web];
    const codes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => codeOf(approvers[i % 2]!.amendments.approve({ id: proposal.id }))),
    );
    expect(tally(codes)).toEqual({ OK: 1, INVALID_TRANSITION: 9 });
    expect((await allocationRow(db, allocation)).committed).toBe(7_000_000);
    await expectLedgerConsistent();
  });

  it("approving an increase races 10 admin adjustments down to the committed amount: one of the two sides is refused", async () => {
    const allocation = await freshAllocation(setup, 20_000_000);
    const { programmeId, fiscalYear } = await allocationRow(setup, allocation);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [allocation], 10_000_000));
    const proposal = await (
      await callers(setup, "officer")
    ).web.amendments.propose({
      grantId,
      reason: "More work.",
      totalAmount: 15_000_000,
      components: await resplit(grantId, 15_000_000),
      fundingLines: [{ allocationId: allocation, amount: 15_000_000 }],
    });
    const admin = (await callers(db, "admin")).admin;
    const officer2 = (await callers(db, "officer2")).web;
    const adjustments = Array.from({ length: 10 }, () =>
      codeOf(admin.budgetAdministration.setAllocation({ programmeId, fiscalYear, amount: 12_000_000, reason: "Cut." })),
    );
    const [amended, ...adjusted] = await Promise.all([
      codeOf(officer2.amendments.approve({ id: proposal.id })),
      ...adjustments,
    ]);
    const row = await allocationRow(db, allocation);
    expect(row.committed).toBeLessThanOrEqual(row.amount);
    if (amended === "OK") {
      expect(row.committed).toBe(15_000_000);
      expect(adjusted.every((c) => c === "ALLOCATION_BELOW_COMMITTED" || c === "OK")).toBe(true);
    } else {
      expect(amended).toBe("ALLOCATION_EXCEEDED");
      expect(row).toMatchObject({ amount: 12_000_000, committed: 10_000_000 });
    }
    await expectLedgerConsistent();
  });
});
