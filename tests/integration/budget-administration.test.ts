import { allocationLedger, allocationMovements, allocations, auditEvents, type Database, programmes } from "@portal/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededRaceDatabase } from "./support/db";
import {
  allocationRow,
  assignFundOfficers,
  auditCount,
  codeOf,
  grantIn,
  grantInput,
  organisationIdOf,
  refusal,
} from "./support/ledger-fixtures";

let setup: Database;
let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let codes = 0;
const admin = async (on: Database = setup) => (await callers(on, "admin")).admin.budgetAdministration;
const code = () => `B${process.pid % 1000}X${++codes}`;

beforeAll(async () => {
  ({ setup, db, drop } = await seededRaceDatabase());
  icbl = await organisationIdOf(setup, "icbl");
});
afterAll(() => drop());

async function programmeId(programmeCode: string) {
  const [row] = await setup.select().from(programmes).where(eq(programmes.code, programmeCode));
  return row!.id;
}

/**
 * A fresh leaf programme with one allocation of `amount` in FY 2002-2003, made through the admin's own procedures;
 * the demo's Fund officers are assigned to it (officer scope), so they can commit on it.
 */
async function allocation(amount: number) {
  const a = await admin();
  const programme = await a.createProgramme({ code: code(), nameEn: "Test programme", nameFr: "Programme d'essai" });
  await assignFundOfficers(setup, programme.id);
  return (await a.setAllocation({ programmeId: programme.id, fiscalYear: 2002, amount, reason: "Opening" })).id;
}

/** Every running total against the facts (the allocation_ledger view). */
async function expectLedgerAgrees(ids: readonly string[]) {
  const counters = await setup
    .select()
    .from(allocations)
    .where(inArray(allocations.id, [...ids]));
  const recomputed = await setup
    .select()
    .from(allocationLedger)
    .where(inArray(allocationLedger.allocationId, [...ids]));
  for (const row of counters) {
    const facts = recomputed.find((r) => r.allocationId === row.id)!;
    expect({ committed: row.committed, disbursed: row.disbursed }).toEqual({
      committed: facts.committed,
      disbursed: facts.disbursed,
    });
    expect(row.committed).toBeLessThanOrEqual(row.amount);
  }
}

function tally(list: string[]): Record<string, number> {
  return list.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
}

describe("programmes", () => {
  it("the Canadian Landmine Fund holds MAPP and MMP: its figures are their sums, against its C$100M envelope", async () => {
    const fund = await (await admin()).programmeBudget({ programmeId: await programmeId("CLF") });
    expect(fund.programme).toMatchObject({ code: "CLF", envelopeAmount: 10_000_000_000, startsOn: "1997-12-03" });
    expect(fund.children.map((c) => c.code)).toEqual(["MAPP", "MMP"]);
    for (const year of fund.years) {
      const parts = fund.children.map((c) => c.years.find((y) => y.fiscalYear === year.fiscalYear)!);
      for (const key of ["allocated", "committed", "disbursed", "available"] as const) {
        expect(year[key]).toBe(parts.reduce((sum, p) => sum + p[key], 0));
      }
    }
    const allocated = await setup.select().from(allocations);
    const leaves = [await programmeId("MAPP"), await programmeId("MMP")];
    const expectedTotal = allocated.filter((a) => leaves.includes(a.programmeId)).reduce((s, a) => s + a.amount, 0);
    expect(fund.totals.allocated).toBe(expectedTotal);
    // The envelope (1997-12-03 to 2003-03-31) is drawn on by the fiscal years it covers only.
    const inEnvelope = allocated
      .filter((a) => leaves.includes(a.programmeId) && a.fiscalYear >= 1997 && a.fiscalYear <= 2002)
      .reduce((s, a) => s + a.amount, 0);
    expect(fund.envelopeUnallocated).toBe(10_000_000_000 - inEnvelope);
  });

  it("a fund holds no allocation of its own, and a programme under a programme is refused", async () => {
    const a = await admin();
    expect(
      await refusal(
        a.setAllocation({ programmeId: await programmeId("CLF"), fiscalYear: 2002, amount: 1, reason: "x" }),
      ),
    ).toMatchObject({ code: "VALIDATION", field: "programmeId" });
    expect(
      await refusal(
        a.createProgramme({ code: code(), nameEn: "Sub", nameFr: "Sous", parentId: await programmeId("MAPP") }),
      ),
    ).toMatchObject({ code: "VALIDATION", field: "parentId" });
    const created = await a.createProgramme({
      code: code(),
      nameEn: "Victim assistance",
      nameFr: "Aide aux victimes",
      parentId: await programmeId("CLF"),
    });
    expect(created.parentId).toBe(await programmeId("CLF"));
    expect(await refusal(a.createProgramme({ code: created.code, nameEn: "Again", nameFr: "Encore" }))).toMatchObject({
      code: "CONFLICT",
      field: "code",
    });
  });
});

describe("fiscal years and allocations", () => {
  it("opens FY 2027-2028 once, allocates MAPP in it with a reason, raises and lowers it; each step one audit event", async () => {
    const a = await admin();
    let before = await auditCount(setup);
    expect(await a.openFiscalYear({ fiscalYear: "2027-2028" })).toMatchObject({
      startYear: 2027,
      startsOn: "2027-04-01",
      endsOn: "2028-03-31",
    });
    expect(await auditCount(setup)).toBe(before + 1);
    expect(await refusal(a.openFiscalYear({ fiscalYear: 2027 }))).toMatchObject({
      code: "CONFLICT",
      field: "fiscalYear",
    });
    expect(
      await refusal(
        a.setAllocation({ programmeId: await programmeId("MAPP"), fiscalYear: 2031, amount: 1, reason: "x" }),
      ),
    ).toMatchObject({ code: "VALIDATION", field: "fiscalYear" });

    const mapp = await programmeId("MAPP");
    before = await auditCount(setup);
    const opened = await a.setAllocation({
      programmeId: mapp,
      fiscalYear: 2027,
      amount: 300_000_000,
      reason: "Main estimates",
    });
    expect(opened).toMatchObject({ amount: 300_000_000, committed: 0, movement: { kind: "opening", amountBefore: 0 } });
    const raised = await a.setAllocation({
      programmeId: mapp,
      fiscalYear: 2027,
      amount: 350_000_000,
      reason: "Supplementary",
    });
    expect(raised).toMatchObject({
      id: opened.id,
      amount: 350_000_000,
      movement: { kind: "adjustment", amountBefore: 300_000_000 },
    });
    expect(await auditCount(setup)).toBe(before + 2);
    const history = await setup
      .select()
      .from(allocationMovements)
      .where(eq(allocationMovements.allocationId, opened.id));
    expect(history.map((m) => [m.kind, m.amountBefore, m.amountAfter, m.reason])).toEqual([
      ["opening", 0, 300_000_000, "Main estimates"],
      ["adjustment", 300_000_000, 350_000_000, "Supplementary"],
    ]);
    expect(await codeOf(a.setAllocation({ programmeId: mapp, fiscalYear: 2027, amount: 1, reason: " " }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("never lowers an allocation below what is committed (ALLOCATION_BELOW_COMMITTED on amount)", async () => {
    const id = await allocation(10_000_000);
    await grantIn(setup, "approved", grantInput(icbl, [id], 6_000_000));
    const [row] = await setup.select().from(allocations).where(eq(allocations.id, id));
    const a = await admin();
    const before = await auditCount(setup);
    const refused = await refusal(
      a.setAllocation({ programmeId: row!.programmeId, fiscalYear: 2002, amount: 5_999_999, reason: "Cut" }),
    );
    expect(refused).toMatchObject({ code: "ALLOCATION_BELOW_COMMITTED", field: "amount" });
    expect(refused.message).toContain("has $60,000.00 committed; it cannot go down to $59,999.99");
    expect(await auditCount(setup)).toBe(before);
    expect(
      await codeOf(
        a.setAllocation({ programmeId: row!.programmeId, fiscalYear: 2002, amount: 6_000_000, reason: "Cut" }),
      ),
    ).toBe("OK");
  });

  it("transfers between allocations: both sides recorded, one audit event, total unchanged, source never below committed", async () => {
    const [from, to] = [await allocation(10_000_000), await allocation(2_000_000)];
    await grantIn(setup, "approved", grantInput(icbl, [from], 7_000_000));
    const a = await admin();
    const before = await auditCount(setup);
    const moved = await a.transfer({
      fromAllocationId: from,
      toAllocationId: to,
      amount: 3_000_000,
      reason: "Rebalance",
    });
    expect(await auditCount(setup)).toBe(before + 1);
    const [event] = await setup
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "allocation.transfer"), eq(auditEvents.entityId, from)));
    expect(event!.after).toMatchObject({
      transferId: moved.transferId,
      from: { amount: 7_000_000 },
      to: { amount: 5_000_000 },
    });
    expect((await allocationRow(setup, from)).amount + (await allocationRow(setup, to)).amount).toBe(12_000_000);
    const sides = await setup
      .select()
      .from(allocationMovements)
      .where(eq(allocationMovements.transferId, moved.transferId));
    expect(sides.map((s) => s.kind).sort()).toEqual(["transfer_in", "transfer_out"]);
    expect(
      await refusal(a.transfer({ fromAllocationId: from, toAllocationId: to, amount: 1, reason: "More" })),
    ).toMatchObject({ code: "ALLOCATION_BELOW_COMMITTED" });
    expect(
      await refusal(a.transfer({ fromAllocationId: to, toAllocationId: to, amount: 1, reason: "Same" })),
    ).toMatchObject({ code: "BAD_REQUEST", field: null });
    await expectLedgerAgrees([from, to]);
  });

  it("the movement history is append-only in the database", async () => {
    const id = await allocation(1_000_000);
    const failure = await setup
      .update(allocationMovements)
      .set({ reason: "Rewritten" })
      .where(eq(allocationMovements.allocationId, id))
      .then(
        () => null,
        (error: unknown) => error as { cause?: { message?: string } },
      );
    expect(failure?.cause?.message).toBe("allocation_movements is append-only: UPDATE refused");
  });
});

describe("adjustments and transfers racing commitments", () => {
  it("10 cuts and 10 approvals at once on one allocation: never below committed, no raw database error", async () => {
    const id = await allocation(10_000_000);
    const [row] = await setup.select().from(allocations).where(eq(allocations.id, id));
    const grants = [];
    for (let i = 0; i < 10; i++) grants.push(await grantIn(setup, "submitted", grantInput(icbl, [id], 1_000_000)));
    const approver = (await callers(db, "officer2")).web;
    const a = await admin(db);
    const results = await Promise.all([
      ...grants.map((grantId) => codeOf(approver.grants.transition({ id: grantId, action: "approve" }))),
      ...Array.from({ length: 10 }, (_, i) =>
        codeOf(
          a.setAllocation({
            programmeId: row!.programmeId,
            fiscalYear: 2002,
            amount: 3_000_000 + i * 500_000,
            reason: `Cut ${i}`,
          }),
        ),
      ),
    ]);
    const seen = tally(results);
    for (const key of Object.keys(seen))
      expect(["OK", "ALLOCATION_EXCEEDED", "ALLOCATION_BELOW_COMMITTED"]).toContain(key);
    await expectLedgerAgrees([id]);
    const history = await setup.select().from(allocationMovements).where(eq(allocationMovements.allocationId, id));
    expect(history.at(-1)?.amountAfter ?? 10_000_000).toBe((await allocationRow(setup, id)).amount);
  });

  it("10 transfers out and 10 approvals at once: the source covers its commitments, the two sides sum to the start", async () => {
    const [from, to] = [await allocation(10_000_000), await allocation(1_000_000)];
    const grants = [];
    for (let i = 0; i < 10; i++) grants.push(await grantIn(setup, "submitted", grantInput(icbl, [from], 900_000)));
    const approver = (await callers(db, "officer2")).web;
    const a = await admin(db);
    const results = await Promise.all([
      ...grants.map((grantId) => codeOf(approver.grants.transition({ id: grantId, action: "approve" }))),
      ...Array.from({ length: 10 }, (_, i) =>
        codeOf(a.transfer({ fromAllocationId: from, toAllocationId: to, amount: 500_000, reason: `Move ${i}` })),
      ),
    ]);
    for (const key of Object.keys(tally(results))) {
      expect(["OK", "ALLOCATION_EXCEEDED", "ALLOCATION_BELOW_COMMITTED"]).toContain(key);
    }
    // Every transfer that succeeded moved its 500,000 (none lost to another's stale read), and both sides sum to the start.
    const transfers = results.slice(10).filter((c) => c === "OK").length;
    expect(transfers).toBeGreaterThan(0);
    expect((await allocationRow(setup, from)).amount).toBe(10_000_000 - transfers * 500_000);
    expect((await allocationRow(setup, to)).amount).toBe(1_000_000 + transfers * 500_000);
    await expectLedgerAgrees([from, to]);
  });
});
