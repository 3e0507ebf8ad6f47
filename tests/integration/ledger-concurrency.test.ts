import { auditEvents, type Database, disbursements } from "@portal/db";
import { and, eq, sql } from "drizzle-orm";
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

// Many requests at once against one real PostgreSQL, through a pool big enough that they really do overlap. Each
// test is built so that any missing lock or condition shows: totals over the limit, the wrong number of successes,
// or a raw database error (a CHECK firing) where a domain refusal was expected.

let setup: Database;
let db: Database;
let drop: () => Promise<void>;
let icbl: string;

beforeAll(async () => {
  ({ setup, db, drop } = await seededRaceDatabase());
  icbl = await organisationIdOf(setup, "icbl");
});
afterAll(() => drop());

function tally(codes: string[]): Record<string, number> {
  return codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
}

describe("concurrent requests", () => {
  it("20 parallel unscheduled payment requests of which only 6 fit: exactly 6 succeed, the rest are SCHEDULE_EXCEEDS_TOTAL", async () => {
    const alloc = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [alloc], 10_000_000));
    const officers = [(await callers(db, "officer")).web, (await callers(db, "officer2")).web];
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        codeOf(
          officers[i % 2]!.payments.requestUnscheduled({
            grantId,
            amount: 1_500_000,
            dueOn: "2002-07-01",
            reason: `Request ${i}`,
          }),
        ),
      ),
    );
    expect(tally(codes)).toEqual({ OK: 6, SCHEDULE_EXCEEDS_TOTAL: 14 });
    const scheduled = await db.execute<{ total: string }>(
      sql`select sum(amount)::text as total from scheduled_payments where grant_id = ${grantId}`,
    );
    expect(Number(scheduled[0]!.total)).toBe(9_000_000);
  });

  it("20 parallel payments of one approved instalment under different keys: exactly one is paid", async () => {
    const alloc = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [alloc], 10_000_000));
    const instalment = await approvedUnscheduled(setup, grantId, 1_500_000);
    const officers = [(await callers(db, "officer")).web, (await callers(db, "officer2")).web];
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        codeOf(
          officers[i % 2]!.disbursements.record({
            grantId,
            paidOn: "2002-07-01",
            amount: 1_500_000,
            reference: `EFT-${i}`,
            idempotencyKey: newKey(),
            scheduledPaymentId: instalment,
          }),
        ),
      ),
    );
    expect(tally(codes)).toEqual({ OK: 1, PAYMENT_NOT_APPROVED: 19 });
    const [{ sum }] = (await db
      .select({ sum: sql<number>`sum(${disbursements.amount})`.mapWith(Number) })
      .from(disbursements)
      .where(eq(disbursements.grantId, grantId))) as [{ sum: number }];
    expect(sum).toBe(1_500_000);
    expect((await grantRow(db, grantId)).disbursed).toBe(1_500_000);
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 10_000_000, disbursed: 1_500_000 });
  });

  it("15 parallel approvals against one allocation that fits 3: exactly 3 succeed, committed never exceeds the amount", async () => {
    const alloc = await freshAllocation(setup, 10_000_000);
    const ids = [];
    for (let i = 0; i < 15; i++) ids.push(await grantIn(setup, "submitted", grantInput(icbl, [alloc], 3_000_000)));
    // Two sessions of the one officer who did not create the grants (admins are never the second pair of eyes).
    const approvers = [(await callers(db, "officer2")).web, (await callers(db, "officer2")).web];
    const codes = await Promise.all(
      ids.map((id, i) => codeOf(approvers[i % 2]!.grants.transition({ id, action: "approve" }))),
    );
    expect(tally(codes)).toEqual({ OK: 3, ALLOCATION_EXCEEDED: 12 });
    const allocation = await allocationRow(db, alloc);
    expect(allocation.committed).toBe(9_000_000);
    expect(allocation.committed).toBeLessThanOrEqual(allocation.amount);
  });

  it("15 parallel approvals of grants drawing on the same two allocations: no deadlock, exactly 3 succeed", async () => {
    const [tight, roomy] = [await freshAllocation(setup, 10_000_000), await freshAllocation(setup, 100_000_000)];
    const ids = [];
    // Half list the allocations one way round, half the other, so lock order cannot come from the input.
    for (let i = 0; i < 15; i++) {
      const input = grantInput(icbl, i % 2 ? [tight, roomy] : [roomy, tight], 4_000_000);
      input.fundingLines = input.fundingLines.map((line) => ({
        ...line,
        amount: line.allocationId === tight ? 3_000_000 : 1_000_000,
      }));
      ids.push(await grantIn(setup, "submitted", input));
    }
    const approver = (await callers(db, "officer2")).web;
    const codes = await Promise.all(ids.map((id) => codeOf(approver.grants.transition({ id, action: "approve" }))));
    expect(tally(codes)).toEqual({ OK: 3, ALLOCATION_EXCEEDED: 12 });
    expect((await allocationRow(db, tight)).committed).toBe(9_000_000);
    expect((await allocationRow(db, roomy)).committed).toBe(3_000_000);
  });

  it("10 parallel retries with one idempotency key record one disbursement and one audit event", async () => {
    const alloc = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = (await callers(db, "officer")).web;
    const request = {
      grantId,
      paidOn: "2002-07-01",
      amount: 2_500_000,
      reference: "EFT-RETRY",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(setup, grantId, 2_500_000),
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => officer.disbursements.record(request)));
    expect(new Set(results.map((r) => r.disbursement.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.$count(disbursements, eq(disbursements.grantId, grantId))).toBe(1);
    expect(
      await db.$count(
        auditEvents,
        and(eq(auditEvents.action, "disbursement.record"), eq(auditEvents.entityId, results[0]!.disbursement.id)),
      ),
    ).toBe(1);
    expect((await grantRow(db, grantId)).disbursed).toBe(2_500_000);
    expect((await allocationRow(db, alloc)).disbursed).toBe(2_500_000);
  });

  it("10 parallel reversals of one disbursement under different keys: one reversal, the rest ALREADY_REVERSED", async () => {
    const alloc = await freshAllocation(setup, 50_000_000);
    const grantId = await grantIn(setup, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = (await callers(db, "officer")).web;
    const { disbursement } = await officer.disbursements.record({
      grantId,
      paidOn: "2002-07-01",
      amount: 2_000_000,
      reference: "EFT-R",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(setup, grantId, 2_000_000),
    });
    const codes = await Promise.all(
      Array.from({ length: 10 }, () =>
        codeOf(
          officer.disbursements.reverse({
            disbursementId: disbursement.id,
            reason: "Duplicate.",
            paidOn: "2002-07-02",
            idempotencyKey: newKey(),
          }),
        ),
      ),
    );
    expect(tally(codes)).toEqual({ OK: 1, ALREADY_REVERSED: 9 });
    expect((await grantRow(db, grantId)).disbursed).toBe(0);
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 10_000_000, disbursed: 0 });
  });

  it("parallel disbursements on different grants sharing one allocation keep the allocation's total exact", async () => {
    const alloc = await freshAllocation(setup, 100_000_000);
    const ids = [];
    const instalments = new Map<string, string[]>();
    for (let i = 0; i < 5; i++) {
      const grantId = await grantIn(setup, "active", grantInput(icbl, [alloc], 10_000_000));
      ids.push(grantId);
      const ready = [];
      for (let j = 0; j < 4; j++) ready.push(await approvedUnscheduled(setup, grantId, 1_000_000));
      instalments.set(grantId, ready);
    }
    const officer = (await callers(db, "officer")).web;
    const codes = await Promise.all(
      ids.flatMap((grantId) =>
        Array.from({ length: 4 }, (_, i) =>
          codeOf(
            officer.disbursements.record({
              grantId,
              paidOn: "2002-07-01",
              amount: 1_000_000,
              reference: `EFT-${i}`,
              idempotencyKey: newKey(),
              scheduledPaymentId: instalments.get(grantId)![i]!,
            }),
          ),
        ),
      ),
    );
    expect(tally(codes)).toEqual({ OK: 20 });
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 50_000_000, disbursed: 20_000_000 });
  });
});
