import { DomainError } from "@portal/api";
import { createGrant, transitionGrant } from "@portal/api/services";
import {
  allocationLedger,
  allocations,
  auditEvents,
  type Database,
  disbursements,
  fundingLineLedger,
  fundingLines,
  grants,
} from "@portal/db";
import { createGrantInput } from "@portal/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationIdOf,
  approvedUnscheduled,
  auditCount,
  codeOf,
  freshAllocation,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

async function grantIdOf(reference: string): Promise<string> {
  const [row] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, reference));
  return row!.id;
}

/** The PostgreSQL error a raw statement fails with (drizzle wraps it). */
async function sqlError(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db.execute(statement);
    return "no error";
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
}

describe("the database keeps history append-only", () => {
  it.each([
    [
      "UPDATE audit_events",
      sql`update audit_events set action = 'tampered'`,
      "audit_events is append-only: UPDATE refused",
    ],
    ["DELETE audit_events", sql`delete from audit_events`, "audit_events is append-only: DELETE refused"],
    ["TRUNCATE audit_events", sql`truncate audit_events`, "audit_events is append-only: TRUNCATE refused"],
    [
      "UPDATE disbursements",
      sql`update disbursements set amount = amount + 1`,
      "disbursements is append-only: UPDATE refused",
    ],
    ["DELETE disbursements", sql`delete from disbursements`, "disbursements is append-only: DELETE refused"],
  ])("refuses %s", async (label, statement, message) => {
    // The statement has rows to touch, and they are all still there afterwards.
    const table = label.endsWith("audit_events") ? auditEvents : disbursements;
    const rows = await db.$count(table);
    expect(rows).toBeGreaterThan(0);
    expect(await sqlError(statement)).toBe(message);
    expect(await db.$count(table)).toBe(rows);
  });

  it("has audit events and disbursements to protect (the statements above had rows to touch)", async () => {
    await (await web("officer")).grants.create(grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    expect(await auditCount(db)).toBeGreaterThan(0);
    expect(await db.$count(disbursements)).toBeGreaterThan(0);
    expect(await sqlError(sql`update audit_events set action = 'tampered'`)).toContain("append-only");
  });
});

describe("the audit event and its change commit together", () => {
  it("when the audit event cannot be written, the change is rolled back too", async () => {
    const id = (await (await web("officer")).grants.create(grantInput(icbl, [await freshAllocation(db, 50_000_000)])))
      .id;
    // An actor whose user row does not exist: submitting touches no user column, so the status change goes through
    // and only the audit insert, the last statement, fails (its actor foreign key). Having no programme, it would be
    // refused by officer scope first, so it acts on every programme as the scheduled jobs' account does.
    const ghost = {
      userId: "00000000-0000-4000-8000-00000000dead",
      role: "officer" as const,
      organisationIds: [],
      actsOnAllProgrammes: true as const,
    };
    const events = await auditCount(db);
    await expect(transitionGrant(db, ghost, { id, action: "submit" })).rejects.toThrow(/insert into "audit_events"/);
    expect(
      await db.select({ status: grants.status, version: grants.version }).from(grants).where(eq(grants.id, id)),
    ).toEqual([{ status: "draft", version: 1 }]);
    expect(await auditCount(db)).toBe(events);
  });

  it("a service run inside a caller's transaction that rolls back leaves neither change nor event", async () => {
    const { actor } = await callers(db, "officer");
    const input = grantInput(icbl, [await freshAllocation(db, 50_000_000)]);
    const events = await auditCount(db);
    await expect(
      db.transaction(async (tx) => {
        await createGrant(tx, actor!, createGrantInput.parse(input));
        expect(await tx.$count(grants, eq(grants.reference, input.reference))).toBe(1);
        throw new DomainError("CONFLICT", "changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.$count(grants, eq(grants.reference, input.reference))).toBe(0);
    expect(await auditCount(db)).toBe(events);
  });

  it("every refused mutation leaves no event", async () => {
    const officer = await web("officer");
    const events = await auditCount(db);
    const halo = await grantIdOf("CLF-2002-HALO");
    const icblClosed = await grantIdOf("CLF-2001-ICBL");
    const refusals = await Promise.all([
      codeOf(officer.grants.transition({ id: halo, action: "submit" })),
      codeOf(officer.grants.transition({ id: icblClosed, action: "activate" })),
      codeOf(
        officer.disbursements.record({
          grantId: icblClosed,
          paidOn: "2002-07-01",
          amount: 100,
          reference: "X",
          idempotencyKey: newKey(),
        }),
      ),
      codeOf(officer.payments.schedule({ grantId: icblClosed, dueOn: "2099-01-01", amount: 100 })),
      codeOf(
        officer.payments.requestUnscheduled({ grantId: icblClosed, dueOn: "2002-07-01", amount: 100, reason: "X" }),
      ),
    ]);
    expect(refusals).toEqual([
      "COMPONENTS_DO_NOT_ADD_UP",
      "INVALID_TRANSITION",
      "FOUR_EYES_REQUIRED",
      "GRANT_NOT_OPEN",
      "GRANT_NOT_DISBURSABLE",
    ]);
    expect(await auditCount(db)).toBe(events);
  });
});

/** Every running total against what the facts say (allocation_ledger / funding_line_ledger views, sums of entries). */
async function expectLedgerAgrees() {
  const counters = await db.select().from(allocations).orderBy(allocations.id);
  const recomputed = new Map((await db.select().from(allocationLedger)).map((r) => [r.allocationId, r]));
  expect(counters.length).toBeGreaterThan(0);
  for (const a of counters) {
    expect({ allocation: a.id, committed: a.committed, disbursed: a.disbursed }).toEqual({
      allocation: a.id,
      committed: recomputed.get(a.id)!.committed,
      disbursed: recomputed.get(a.id)!.disbursed,
    });
    expect(a.disbursed).toBeLessThanOrEqual(a.committed);
    expect(a.committed).toBeLessThanOrEqual(a.amount);
  }
  const lineFacts = new Map((await db.select().from(fundingLineLedger)).map((r) => [r.fundingLineId, r]));
  for (const line of await db.select().from(fundingLines))
    expect(line.disbursed).toBe(lineFacts.get(line.id)!.disbursed);
  const paid = await db
    .select({
      id: grants.id,
      disbursed: grants.disbursed,
      sum: sql<number>`coalesce(sum(${disbursements.amount}), 0)`.mapWith(Number),
    })
    .from(grants)
    .leftJoin(disbursements, eq(disbursements.grantId, grants.id))
    .groupBy(grants.id);
  expect(paid.some((row) => row.sum > 0)).toBe(true);
  for (const row of paid) expect(row.disbursed).toBe(row.sum);

  // What the admin console and the grant pages show is those same figures.
  const { admin } = await callers(db, "admin");
  for (const fiscalYear of [2001, 2002]) {
    const overview = await admin.budgets.overview({ fiscalYear });
    expect(overview.lines.length).toBeGreaterThan(0);
    for (const line of overview.lines) {
      expect(line.committed).toBe(recomputed.get(line.allocationId)!.committed);
      expect(line.disbursed).toBe(recomputed.get(line.allocationId)!.disbursed);
      expect(line.available).toBe(line.allocated - line.committed);
    }
  }
}

describe("budget figures agree with the ledger", () => {
  it("as seeded", async () => {
    await expectLedgerAgrees();
  });

  it("after approvals, payments, a reversal, a cancellation and a termination across the seeded grants", async () => {
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const mapp2002 = await allocationIdOf(db, "MAPP", 2002);
    const mmp2002 = await allocationIdOf(db, "MMP", 2002);
    const before = (await db.select().from(allocations).where(eq(allocations.id, mapp2002)))[0]!;

    // Handicap International's submitted grant (created by officer) is approved by officer2 and activated.
    const hi = await grantIdOf("CLF-2002-HI");
    await officer2.grants.transition({ id: hi, action: "approve" });
    await officer.grants.transition({ id: hi, action: "activate" });
    const first = await officer.disbursements.record({
      grantId: hi,
      paidOn: "2002-09-15",
      amount: 9_000_000,
      reference: "EFT-HI-1",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, hi, 9_000_000),
    });
    await officer.disbursements.reverse({
      disbursementId: first.disbursement.id,
      reason: "Wrong amount.",
      paidOn: "2002-09-16",
      idempotencyKey: newKey(),
    });
    await officer.disbursements.record({
      grantId: hi,
      paidOn: "2002-09-16",
      amount: 8_000_000,
      reference: "EFT-HI-2",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, hi, 8_000_000),
    });

    // ICRC (CHF): the approved second instalment is paid.
    const icrc = await officer.grants.byId({ id: await grantIdOf("CLF-2002-ICRC") });
    const due = icrc.scheduledPayments.find((p) => p.status === "due")!;
    await officer2.payments.act({ id: due.id, action: "approve" });
    await officer.disbursements.record({
      grantId: icrc.id,
      paidOn: "2002-12-05",
      amount: due.amount,
      reference: "EFT-ICRC-2",
      idempotencyKey: newKey(),
      scheduledPaymentId: due.id,
    });

    // CMAC (approved) is cancelled; NPA (active, 60% paid) is terminated; a new ICBL grant on both 2002 programmes.
    await officer.grants.transition({
      id: await grantIdOf("CLF-2002-CMAC"),
      action: "cancel",
      reason: "Agreement not signed.",
    });
    await officer.grants.transition({
      id: await grantIdOf("CLF-2002-NPA"),
      action: "terminate",
      reason: "Operations suspended.",
    });
    const fresh = await officer.grants.create(grantInput(icbl, [mapp2002, mmp2002], 10_000_000));
    await officer.grants.transition({ id: fresh.id, action: "submit" });
    await officer2.grants.transition({ id: fresh.id, action: "approve" });

    await expectLedgerAgrees();

    // MAPP 2002 moved by exactly: +180,000 (HI) - 420,000 (CMAC) - 120,000 (NPA's unpaid 40%) + 50,000 (new grant).
    const after = (await db.select().from(allocations).where(eq(allocations.id, mapp2002)))[0]!;
    expect(after.committed - before.committed).toBe(18_000_000 - 42_000_000 - 12_000_000 + 5_000_000);

    // And per grant: committed, disbursed, remaining.
    expect((await officer.grants.byId({ id: hi })).budget).toMatchObject({
      total: 18_000_000,
      committed: 18_000_000,
      disbursed: 8_000_000,
      remaining: 10_000_000,
    });
    expect((await officer.grants.byId({ id: icrc.id })).budget).toMatchObject({
      currency: "CHF",
      total: 50_000_000,
      disbursed: 45_000_000,
      remaining: 5_000_000,
    });
  });
});
