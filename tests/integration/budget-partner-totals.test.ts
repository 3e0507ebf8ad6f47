import type { Database } from "@portal/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerTotalsDisagreements } from "../bench/scale-data";
import { callers } from "./support/actors";
import { seededRaceDatabase } from "./support/db";
import {
  approvedUnscheduled,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// allocation_partner_totals (migration 0022) is kept by triggers in the ledger's own transactions; the budget review
// reads its partners from it. Every test compares it with the funding-line ledger view (recomputed from the
// disbursements), so a missed change, a lost update under concurrency or a deadlock between writers shows.

let setup: Database;
let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;

beforeAll(async () => {
  ({ setup, db, drop } = await seededRaceDatabase());
  icbl = await organisationIdOf(setup, "icbl");
  mac = await organisationIdOf(setup, "mac");
});
afterAll(() => drop());

async function disagreements(): Promise<number> {
  const [row] = await setup.execute<{ count: string }>(partnerTotalsDisagreements);
  return Number(row!.count);
}

async function totalsOf(allocationId: string) {
  return setup.execute<{ recipient_id: string; funded: string; committed: string; disbursed: string }>(sql`
    select recipient_id, funded::text, committed::text, disbursed::text from allocation_partner_totals
    where allocation_id = ${allocationId} order by recipient_id`);
}

function tally(codes: string[]): Record<string, number> {
  return codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
}

describe("totals per allocation and recipient", () => {
  it("agree with the ledger on the seeded demo (filled by the migration, kept by the seed's writes)", async () => {
    expect(
      Number((await setup.execute<{ n: string }>(sql`select count(*) as n from allocation_partner_totals`))[0]!.n),
    ).toBeGreaterThan(0);
    expect(await disagreements()).toBe(0);
  });

  it("follow a grant's life: draft lines edited, approval, a payment and its reversal, closing, deletion", async () => {
    const [a, b] = [await freshAllocation(setup, 50_000_000), await freshAllocation(setup, 50_000_000)];
    const officer = (await callers(db, "officer")).web;
    const draft = await grantIn(setup, "draft", grantInput(icbl, [a, b], 10_000_000));
    // A draft commits nothing, but its lines are funded.
    expect(await totalsOf(a)).toEqual([{ recipient_id: icbl, funded: "5000000", committed: "0", disbursed: "0" }]);
    await setup.execute(sql`delete from grants where id = ${draft}`);
    expect(await totalsOf(a)).toEqual([]);

    const grantId = await grantIn(setup, "active", grantInput(mac, [a, b], 10_000_000));
    expect(await totalsOf(a)).toEqual([{ recipient_id: mac, funded: "5000000", committed: "5000000", disbursed: "0" }]);
    const { disbursement } = await officer.disbursements.record({
      grantId,
      paidOn: "2002-07-01",
      amount: 2_000_000,
      reference: "EFT-TOTALS",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(setup, grantId, 2_000_000),
    });
    expect(await disagreements()).toBe(0);
    await officer.disbursements.reverse({
      disbursementId: disbursement.id,
      reason: "Paid to the wrong account.",
      paidOn: "2002-07-02",
      idempotencyKey: newKey(),
    });
    await officer.disbursements.record({
      grantId,
      paidOn: "2002-07-03",
      amount: 1_000_000,
      reference: "EFT-TOTALS-2",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(setup, grantId, 1_000_000),
    });
    expect(await disagreements()).toBe(0);
    // Terminated: a line commits what it paid.
    await officer.grants.transition({ id: grantId, action: "terminate", reason: "Project stopped." });
    const paidOnA = Number((await totalsOf(a))[0]!.disbursed);
    expect(await totalsOf(a)).toEqual([
      { recipient_id: mac, funded: "5000000", committed: String(paidOnA), disbursed: String(paidOnA) },
    ]);
    expect(await disagreements()).toBe(0);
  });

  it("stay exact under many parallel payments, reversals and approvals on shared allocations (no deadlock)", async () => {
    const [shared, other] = [await freshAllocation(setup, 500_000_000), await freshAllocation(setup, 500_000_000)];
    const officer = (await callers(db, "officer")).web;
    const officer2 = (await callers(db, "officer2")).web;
    const active: { grantId: string; instalments: string[] }[] = [];
    for (let i = 0; i < 6; i++) {
      // Half list the allocations one way round, half the other; two recipients share each allocation.
      const input = grantInput(i % 2 ? icbl : mac, i % 3 ? [shared, other] : [other, shared], 10_000_000);
      const grantId = await grantIn(setup, "active", input);
      const instalments = [];
      for (let j = 0; j < 4; j++) instalments.push(await approvedUnscheduled(setup, grantId, 500_000));
      active.push({ grantId, instalments });
    }
    const reversible = [];
    for (const { grantId } of active.slice(0, 3)) {
      const { disbursement } = await officer.disbursements.record({
        grantId,
        paidOn: "2002-07-01",
        amount: 300_000,
        reference: `EFT-PRE-${grantId.slice(0, 8)}`,
        idempotencyKey: newKey(),
        scheduledPaymentId: await approvedUnscheduled(setup, grantId, 300_000),
      });
      reversible.push(disbursement.id);
    }
    const submitted = [];
    for (let i = 0; i < 6; i++)
      submitted.push(await grantIn(setup, "submitted", grantInput(i % 2 ? mac : icbl, [other, shared])));

    const codes = await Promise.all([
      ...active.flatMap(({ grantId, instalments }) =>
        instalments.map((scheduledPaymentId, j) =>
          codeOf(
            (j % 2 ? officer : officer2).disbursements.record({
              grantId,
              paidOn: "2002-07-10",
              amount: 500_000,
              reference: `EFT-${grantId.slice(0, 8)}-${j}`,
              idempotencyKey: newKey(),
              scheduledPaymentId,
            }),
          ),
        ),
      ),
      ...reversible.map((disbursementId) =>
        codeOf(
          officer.disbursements.reverse({
            disbursementId,
            reason: "Duplicate.",
            paidOn: "2002-07-11",
            idempotencyKey: newKey(),
          }),
        ),
      ),
      ...submitted.map((id) => codeOf(officer2.grants.transition({ id, action: "approve" }))),
    ]);
    expect(tally(codes)).toEqual({ OK: 24 + 3 + 6 });
    expect(await disagreements()).toBe(0);
    // Every line of the 12 grants is committed in full (all approved or active); 24 payments of 500,000 were split
    // over their two lines, the three earlier payments reversed.
    const sums = async (allocationId: string) =>
      (await totalsOf(allocationId)).reduce(
        (acc, row) => ({
          committed: acc.committed + Number(row.committed),
          disbursed: acc.disbursed + Number(row.disbursed),
        }),
        { committed: 0, disbursed: 0 },
      );
    const [onShared, onOther] = [await sums(shared), await sums(other)];
    expect(onShared.committed + onOther.committed).toBe(12 * 10_000_000);
    expect(onShared.disbursed + onOther.disbursed).toBe(24 * 500_000);
  });

  it("give the budget review's partners the ledger's figures", async () => {
    const { admin } = await callers(db, "admin");
    const review = await admin.budgetReview.review({ fiscalYear: 2002 });
    const ledger = await setup.execute<{ id: string; committed: string; disbursed: string }>(sql`
      select g.recipient_id as id, sum(l.committed)::text as committed, sum(l.disbursed)::text as disbursed
      from funding_line_ledger l join grants g on g.id = l.grant_id join allocations a on a.id = l.allocation_id
      where a.fiscal_year = 2002 group by 1 having sum(l.committed) <> 0 or sum(l.disbursed) <> 0`);
    expect(
      review.byPartner
        .map((p) => ({ id: p.organisation.id, committed: p.committed, disbursed: p.disbursed }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    ).toEqual(
      ledger
        .map((row) => ({ id: row.id, committed: Number(row.committed), disbursed: Number(row.disbursed) }))
        .sort((x, y) => x.id.localeCompare(y.id)),
    );
  });
});
