import { webRouter } from "@portal/api";
import { dispatchAuditEvents } from "@portal/api/notifications";
import {
  allocations,
  allocationLedger,
  auditEvents,
  type Database,
  fundingLineLedger,
  fundingLines,
  grantAmendments,
  grantComponents,
  notifications,
  programmes,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { formatAmount } from "@portal/domain";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { and, asc, eq, gt, inArray, max, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
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
  refusal,
} from "./support/ledger-fixtures";

// Every amendment rule on a real PostgreSQL: never below what is paid, splits that add up, four eyes, the statuses an
// amendment may touch (a closed grant is reopened only this way), what partners see, the budget figures moving by
// exactly the amended amounts, one audit event per mutation and the notifications it sends.

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

/** An active grant of `total` on its own allocation (room to spare), with `paid` already disbursed. */
async function activeGrant(total = 10_000_000, paid = 0, allocationAmount = 50_000_000) {
  const allocation = await freshAllocation(db, allocationAmount);
  const grantId = await grantIn(db, "active", grantInput(icbl, [allocation], total));
  if (paid > 0) {
    await (
      await web("officer")
    ).disbursements.record({
      grantId,
      paidOn: "2002-07-01",
      amount: paid,
      reference: "EFT-PAID",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, grantId, paid),
    });
  }
  return { grantId, allocation };
}

async function componentsOf(grantId: string) {
  return db
    .select({ id: grantComponents.id, amount: grantComponents.amount })
    .from(grantComponents)
    .where(eq(grantComponents.grantId, grantId))
    .orderBy(asc(grantComponents.position));
}

/** A re-split of the components to a new total: the first takes the difference. */
async function resplit(grantId: string, total: number) {
  const [first, ...rest] = await componentsOf(grantId);
  return [{ id: first!.id, amount: total - rest.reduce((sum, c) => sum + c.amount, 0) }, ...rest];
}

/** The running totals equal the ledger views recomputed from the facts (on every allocation and funding line). */
async function expectLedgerConsistent() {
  const drift = await db.execute(sql`
    select a.id from allocations a join ${allocationLedger} l on l.allocation_id = a.id
     where a.committed <> l.committed or a.disbursed <> l.disbursed
    union all
    select f.id from funding_lines f join ${fundingLineLedger} l on l.funding_line_id = f.id where f.disbursed <> l.disbursed`);
  expect(drift).toEqual([]);
}

async function lastEventId() {
  const [row] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}
async function actionsSince(id: number) {
  return (await db.select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(auditEvents.id)).map(
    (e) => e.action,
  );
}

describe("proposing and approving", () => {
  it("extends the grant and cuts its total: figures move by exactly the amended amounts, numbered history, one event each", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 3_000_000);
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const before = await allocationRow(db, allocation);
    const since = await lastEventId();

    const proposal = await officer.amendments.propose({
      grantId,
      reason: "Extension of six months; the last phase is smaller.",
      endsOn: "2003-09-30",
      totalAmount: 8_500_000,
      components: await resplit(grantId, 8_500_000),
      fundingLines: [{ allocationId: allocation, amount: 8_500_000 }],
    });
    expect(proposal.status).toBe("pending");
    // Nothing changes until it is approved.
    expect((await grantRow(db, grantId)).totalAmount).toBe(10_000_000);
    expect((await allocationRow(db, allocation)).committed).toBe(before.committed);

    const approved = await officer2.amendments.approve({ id: proposal.id });
    expect(approved).toMatchObject({ status: "approved", number: 1 });
    expect(await actionsSince(since)).toEqual(["amendment.propose", "amendment.approve"]);

    const grant = await grantRow(db, grantId);
    expect(grant).toMatchObject({ endsOn: "2003-09-30", totalAmount: 8_500_000, totalAmountCad: 8_500_000 });
    expect((await componentsOf(grantId)).reduce((sum, c) => sum + c.amount, 0)).toBe(8_500_000);
    const after = await allocationRow(db, allocation);
    expect(after.committed - before.committed).toBe(-1_500_000);
    expect(after.disbursed).toBe(before.disbursed);
    await expectLedgerConsistent();

    const history = await officer.amendments.forGrant({ grantId });
    expect(history.amendments).toHaveLength(1);
    expect(history.amendments[0]).toMatchObject({
      number: 1,
      status: "approved",
      reason: "Extension of six months; the last phase is smaller.",
    });
    expect(typeof history.amendments[0]!.proposedBy).toBe("string");
    expect(typeof history.amendments[0]!.decidedBy).toBe("string");
    expect(history.amendments[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "endsOn", before: "2003-03-31", after: "2003-09-30" },
        { field: "totalAmount", before: 10_000_000, after: 8_500_000 },
        expect.objectContaining({ field: "fundingLine", before: 10_000_000, after: 8_500_000 }),
        expect.objectContaining({ field: "component", before: 7_500_000, after: 6_000_000 }),
      ]),
    );

    // A second amendment takes the next number; raising the total takes it from the allocation again.
    const second = await officer2.amendments.propose({
      grantId,
      reason: "Back up a little.",
      totalAmount: 9_000_000,
      components: await resplit(grantId, 9_000_000),
      fundingLines: [{ allocationId: allocation, amount: 9_000_000 }],
    });
    expect((await officer.amendments.approve({ id: second.id })).number).toBe(2);
    expect((await allocationRow(db, allocation)).committed - before.committed).toBe(-1_000_000);
    await expectLedgerConsistent();
  });

  it("re-splits funding onto a new allocation: each allocation moves by its own difference", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000);
    const nextYear = await freshAllocation(db, 20_000_000, 2003);
    const proposal = await (
      await web("officer")
    ).amendments.propose({
      grantId,
      reason: "Part of the work moves to the next fiscal year.",
      endsOn: "2004-03-31",
      fundingLines: [
        { allocationId: allocation, amount: 6_000_000 },
        { allocationId: nextYear, amount: 4_000_000 },
      ],
    });
    await (await web("officer2")).amendments.approve({ id: proposal.id });
    expect((await allocationRow(db, allocation)).committed).toBe(6_000_000);
    expect((await allocationRow(db, nextYear)).committed).toBe(4_000_000);
    expect(await db.$count(fundingLines, eq(fundingLines.grantId, grantId))).toBe(2);
    await expectLedgerConsistent();
  });

  it("moves instalments and report due dates; an approved instalment whose amount changes needs approving again", async () => {
    const { grantId } = await activeGrant(10_000_000);
    const officer = await web("officer");
    const instalment = await approvedUnscheduled(db, grantId, 2_000_000);
    const report = await officer.requirements.add({ grantId, kind: "narrative", stage: "final", dueOn: "2003-04-30" });
    const proposal = await officer.amendments.propose({
      grantId,
      reason: "The final phase is later and smaller.",
      endsOn: "2003-09-30",
      payments: [{ id: instalment, dueOn: "2003-08-01", amount: 1_500_000 }],
      requirements: [{ id: report.id, dueOn: "2003-10-31" }],
    });
    await (await web("officer2")).amendments.approve({ id: proposal.id });
    const [payment] = await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, instalment));
    expect(payment).toMatchObject({ dueOn: "2003-08-01", amount: 1_500_000, status: "due", approvedById: null });
    const [requirement] = await db.select().from(reportingRequirements).where(eq(reportingRequirements.id, report.id));
    expect(requirement!.dueOn).toBe("2003-10-31");
  });
});

describe("never below what is paid, and the splits add up", () => {
  it("refuses a total below what is paid, naming the field", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 4_000_000);
    const refused = await refusal(
      (await web("officer")).amendments.propose({
        grantId,
        reason: "Too deep a cut.",
        totalAmount: 3_999_999,
        components: await resplit(grantId, 3_999_999),
        fundingLines: [{ allocationId: allocation, amount: 3_999_999 }],
      }),
    );
    expect(refused).toMatchObject({ code: "AMENDMENT_BELOW_PAID", field: "totalAmount" });
    expect(refused.message).toContain("$40,000.00");
    expect(await db.$count(grantAmendments, eq(grantAmendments.grantId, grantId))).toBe(0);
  });

  it("refuses a funding line below what was paid from it", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 4_000_000);
    const other = await freshAllocation(db, 50_000_000);
    expect(
      await refusal(
        (await web("officer")).amendments.propose({
          grantId,
          reason: "Move most of it.",
          fundingLines: [
            { allocationId: allocation, amount: 3_000_000 },
            { allocationId: other, amount: 7_000_000 },
          ],
        }),
      ),
    ).toMatchObject({ code: "AMENDMENT_BELOW_PAID", field: "fundingLines.0.amount" });
  });

  it("checks again at approval: a payment made after the proposal can make it impossible, and nothing changes", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 2_000_000);
    const proposal = await (
      await web("officer")
    ).amendments.propose({
      grantId,
      reason: "Cut to five.",
      totalAmount: 5_000_000,
      components: await resplit(grantId, 5_000_000),
      fundingLines: [{ allocationId: allocation, amount: 5_000_000 }],
    });
    await (
      await web("officer")
    ).disbursements.record({
      grantId,
      paidOn: "2002-08-01",
      amount: 4_000_000,
      reference: "EFT-LATE",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, grantId, 4_000_000),
    });
    expect(await codeOf((await web("officer2")).amendments.approve({ id: proposal.id }))).toBe("AMENDMENT_BELOW_PAID");
    expect((await grantRow(db, grantId)).totalAmount).toBe(10_000_000);
    const [row] = await db.select().from(grantAmendments).where(eq(grantAmendments.id, proposal.id));
    expect(row!.status).toBe("pending");
    await expectLedgerConsistent();
  });

  it.each([
    ["components that do not add up", "COMPONENTS_DO_NOT_ADD_UP", "components"],
    ["a total without re-split funding", "FUNDING_DOES_NOT_ADD_UP", "fundingLines"],
    ["a schedule above the new total", "SCHEDULE_EXCEEDS_TOTAL", "payments"],
    ["nothing at all", "VALIDATION", "changes"],
    ["an end date before the start", "VALIDATION", "endsOn"],
  ])("refuses %s", async (what, code, field) => {
    const { grantId, allocation } = await activeGrant(10_000_000);
    await approvedUnscheduled(db, grantId, 9_000_000);
    const base = { grantId, reason: "Testing the sums." };
    const input = {
      "components that do not add up": {
        ...base,
        totalAmount: 8_000_000,
        fundingLines: [{ allocationId: allocation, amount: 8_000_000 }],
      },
      "a total without re-split funding": {
        ...base,
        totalAmount: 9_500_000,
        components: await resplit(grantId, 9_500_000),
      },
      "a schedule above the new total": {
        ...base,
        totalAmount: 8_000_000,
        components: await resplit(grantId, 8_000_000),
        fundingLines: [{ allocationId: allocation, amount: 8_000_000 }],
      },
      "nothing at all": { ...base, endsOn: "2003-03-31" },
      "an end date before the start": { ...base, endsOn: "2002-01-01" },
    }[what]!;
    expect(await refusal((await web("officer")).amendments.propose(input))).toMatchObject({ code, field });
  });

  it("refuses an increase the allocation cannot cover, at approval, and leaves the budget as it was", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 0, 11_000_000);
    const proposal = await (
      await web("officer")
    ).amendments.propose({
      grantId,
      reason: "More work.",
      totalAmount: 12_000_000,
      components: await resplit(grantId, 12_000_000),
      fundingLines: [{ allocationId: allocation, amount: 12_000_000 }],
    });
    const refused = await refusal((await web("officer2")).amendments.approve({ id: proposal.id }));
    expect(refused.code).toBe("ALLOCATION_EXCEEDED");
    expect(refused.message).toContain("$10,000.00 available");
    expect((await allocationRow(db, allocation)).committed).toBe(10_000_000);
  });
});

describe("four eyes and decisions", () => {
  it("the proposer cannot approve or reject; another officer can; only the proposer withdraws", async () => {
    const { grantId } = await activeGrant();
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const first = await officer.amendments.propose({ grantId, reason: "Later end.", endsOn: "2003-06-30" });
    expect(await codeOf(officer.amendments.approve({ id: first.id }))).toBe("FOUR_EYES_REQUIRED");
    expect(await codeOf(officer.amendments.reject({ id: first.id, reason: "No." }))).toBe("FOUR_EYES_REQUIRED");
    expect(await codeOf(officer2.amendments.withdraw({ id: first.id }))).toBe("FORBIDDEN");
    // One pending amendment per grant at a time.
    expect(await codeOf(officer2.amendments.propose({ grantId, reason: "Another.", endsOn: "2003-07-31" }))).toBe(
      "AMENDMENT_PENDING",
    );
    expect(await refusal(officer2.amendments.reject({ id: first.id }))).toMatchObject({
      code: "VALIDATION",
      field: "reason",
    });
    expect((await officer2.amendments.reject({ id: first.id, reason: "Not justified yet." })).status).toBe("rejected");
    expect(await codeOf(officer2.amendments.approve({ id: first.id }))).toBe("INVALID_TRANSITION");

    const second = await officer.amendments.propose({ grantId, reason: "Later end, again.", endsOn: "2003-06-30" });
    expect((await officer.amendments.withdraw({ id: second.id })).status).toBe("withdrawn");
    expect(await codeOf(officer2.amendments.approve({ id: second.id }))).toBe("INVALID_TRANSITION");
    expect((await grantRow(db, grantId)).endsOn).toBe("2003-03-31");

    const history = await officer2.amendments.forGrant({ grantId });
    expect(history.amendments.map((a) => [a.status, a.number])).toEqual([
      ["withdrawn", null],
      ["rejected", null],
    ]);
  });

  it("the database itself refuses an approval by the proposer and any change to a decided amendment", async () => {
    const { grantId } = await activeGrant();
    const proposal = await (await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" });
    await expect(
      db.execute(
        sql`update grant_amendments set status = 'approved', number = 1, decided_by_id = proposed_by_id, decided_at = now() where id = ${proposal.id}`,
      ),
    ).rejects.toThrow();
    await (await web("officer2")).amendments.approve({ id: proposal.id });
    await expect(
      db.execute(sql`update grant_amendments set reason = 'rewritten' where id = ${proposal.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from grant_amendments where id = ${proposal.id}`)).rejects.toThrow();
  });

  it("partners and admins may not propose or decide", async () => {
    const { grantId } = await activeGrant();
    const input = { grantId, reason: "R.", endsOn: "2003-05-31" };
    expect(await codeOf((await web("partnerIcbl")).amendments.propose(input))).toBe("FORBIDDEN");
    expect(await codeOf((await web("admin")).amendments.propose(input))).toBe("FORBIDDEN");
    const proposal = await (await web("officer")).amendments.propose(input);
    expect(await codeOf((await web("admin")).amendments.approve({ id: proposal.id }))).toBe("FORBIDDEN");
    expect(await codeOf((await web("partnerIcbl")).amendments.approve({ id: proposal.id }))).toBe("FORBIDDEN");
  });
});

describe("status rules", () => {
  it.each(["draft", "submitted"] as const)("a %s grant is edited, not amended", async (status) => {
    const allocation = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, status, grantInput(icbl, [allocation]));
    expect(
      await codeOf((await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" })),
    ).toBe("GRANT_NOT_AMENDABLE");
  });

  it.each([
    ["cancelled", "cancel"],
    ["terminated", "terminate"],
  ] as const)("a %s grant cannot be amended", async (_status, action) => {
    const allocation = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, action === "cancel" ? "approved" : "active", grantInput(icbl, [allocation]));
    await (await web("officer2")).grants.transition({ id: grantId, action, reason: "Ending it." });
    expect(
      await codeOf((await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" })),
    ).toBe("GRANT_NOT_AMENDABLE");
  });

  it("an approved (not yet active) grant can be amended and stays approved", async () => {
    const allocation = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "approved", grantInput(icbl, [allocation]));
    const proposal = await (await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" });
    await (await web("officer2")).amendments.approve({ id: proposal.id });
    expect(await grantRow(db, grantId)).toMatchObject({ status: "approved", endsOn: "2003-05-31" });
  });

  it("a grant that became terminated while the amendment waited is not amended", async () => {
    const { grantId } = await activeGrant();
    const proposal = await (await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" });
    await (await web("officer2")).grants.transition({ id: grantId, action: "terminate", reason: "Ended." });
    expect(await codeOf((await web("officer2")).amendments.approve({ id: proposal.id }))).toBe("GRANT_NOT_AMENDABLE");
  });

  it("a closed grant is reopened only by an amendment: reversals refused before, allowed after, commitment restored", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 6_000_000);
    const officer = await web("officer");
    const officer2 = await web("officer2");
    await officer2.grants.transition({ id: grantId, action: "beginClosing", reason: "Work done." });
    await officer2.grants.transition({ id: grantId, action: "close", reason: "Books closed." });
    // Closed: only what was paid stays committed.
    expect((await allocationRow(db, allocation)).committed).toBe(6_000_000);
    const [paid] = await db.execute<{ id: string }>(
      sql`select id from disbursements where grant_id = ${grantId} and amount > 0`,
    );
    const reverse = () =>
      officer.disbursements.reverse({
        disbursementId: paid!.id,
        reason: "Paid twice by the bank.",
        paidOn: "2003-01-15",
        idempotencyKey: newKey(),
      });
    expect(await codeOf(reverse())).toBe("GRANT_NOT_REVERSIBLE");

    const proposal = await officer.amendments.propose({
      grantId,
      reason: "Reopened to correct a bank error; the total is cut to what the work needs.",
      totalAmount: 8_000_000,
      components: await resplit(grantId, 8_000_000),
      fundingLines: [{ allocationId: allocation, amount: 8_000_000 }],
    });
    await officer2.amendments.approve({ id: proposal.id });
    expect((await grantRow(db, grantId)).status).toBe("active");
    expect((await allocationRow(db, allocation)).committed).toBe(8_000_000);
    const history = await officer.amendments.forGrant({ grantId });
    expect(history.amendments[0]!.changes).toContainEqual({ field: "status", before: "closed", after: "active" });
    expect(await codeOf(reverse())).toBe("OK");
    await expectLedgerConsistent();
  });
});

describe("what partners see", () => {
  it("nothing while pending, rejected or withdrawn; approved amendments without officers' names; other organisations nothing", async () => {
    const { grantId } = await activeGrant();
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const partner = await web("partnerIcbl");
    const rejected = await officer.amendments.propose({ grantId, reason: "Internal idea.", endsOn: "2003-04-30" });
    expect((await partner.amendments.forGrant({ grantId })).amendments).toEqual([]);
    await officer2.amendments.reject({ id: rejected.id, reason: "Internal reason." });
    const withdrawn = await officer.amendments.propose({ grantId, reason: "Second idea.", endsOn: "2003-05-31" });
    await officer.amendments.withdraw({ id: withdrawn.id });
    const pending = await officer.amendments.propose({ grantId, reason: "Extension agreed.", endsOn: "2003-06-30" });
    expect((await partner.amendments.forGrant({ grantId })).amendments).toEqual([]);
    await officer2.amendments.approve({ id: pending.id });

    const seen = await partner.amendments.forGrant({ grantId });
    expect(seen.proposal).toBeNull();
    expect(seen.amendments).toHaveLength(1);
    expect(seen.amendments[0]).toMatchObject({
      number: 1,
      status: "approved",
      reason: "Extension agreed.",
      proposedBy: null,
      decidedBy: null,
      availableActions: [],
      changes: [{ field: "endsOn", before: "2003-03-31", after: "2003-06-30" }],
    });
    expect(await codeOf((await web("partnerMac")).amendments.forGrant({ grantId }))).toBe("NOT_FOUND");
  });
});

describe("notifications", () => {
  it("officers hear of an amendment awaiting approval; the partner hears once it is approved", async () => {
    await dispatchAuditEvents(db); // the first run starts from the newest event
    const { grantId } = await activeGrant();
    await dispatchAuditEvents(db);
    const userIds = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, ["officer@example.org", "officer2@example.org", "partner@icbl.example.org"]));
    const id = (email: string) => userIds.find((u) => u.email === email)!.id;
    const kinds = async (email: string, since: Date) =>
      (
        await db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(and(eq(notifications.userId, id(email)), gt(notifications.createdAt, since)))
      ).map((n) => n.kind);

    const start = new Date(Date.now() - 1000);
    const proposal = await (await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" });
    await dispatchAuditEvents(db);
    expect(await kinds("officer2@example.org", start)).toContain("amendmentAwaitingApproval");
    expect(await kinds("officer@example.org", start)).not.toContain("amendmentAwaitingApproval");
    expect(await kinds("partner@icbl.example.org", start)).toEqual([]);

    await (await web("officer2")).amendments.approve({ id: proposal.id });
    await dispatchAuditEvents(db);
    expect(await kinds("partner@icbl.example.org", start)).toEqual(["amendmentApproved"]);
  });
});

describe("officer programme scope", () => {
  it("an officer outside the grant's programmes reads its history but may not propose, approve or be offered either", async () => {
    const { grantId } = await activeGrant();
    const outsider = await web("officer3");
    expect(await codeOf(outsider.amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" }))).toBe(
      "FORBIDDEN",
    );
    const proposal = await (await web("officer")).amendments.propose({ grantId, reason: "R.", endsOn: "2003-05-31" });
    expect(await codeOf(outsider.amendments.approve({ id: proposal.id }))).toBe("FORBIDDEN");
    expect(await codeOf(outsider.amendments.reject({ id: proposal.id, reason: "No." }))).toBe("FORBIDDEN");
    const seen = await outsider.amendments.forGrant({ grantId });
    expect(seen.proposal).toBeNull();
    expect(seen.amendments.map((a) => a.availableActions)).toEqual([[]]);
  });

  it("a new funding line may draw only on the proposer's programmes' allocations", async () => {
    const { grantId, allocation } = await activeGrant();
    // A programme nobody is assigned to.
    const [programme] = await db
      .insert(programmes)
      .values({ code: `UNASSIGNED${Date.now() % 100000}`, nameEn: "Unassigned", nameFr: "Non attribué" })
      .returning();
    const [outside] = await db
      .insert(allocations)
      .values({ programmeId: programme!.id, fiscalYear: 2002, amount: 50_000_000 })
      .returning();
    expect(
      await refusal(
        (await web("officer")).amendments.propose({
          grantId,
          reason: "Move half.",
          fundingLines: [
            { allocationId: allocation, amount: 5_000_000 },
            { allocationId: outside!.id, amount: 5_000_000 },
          ],
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", field: "fundingLines.1.allocationId" });
  });
});

describe("adding and removing components and funding lines", () => {
  it("adds a component and a funding line on a new allocation, removes a component: applied at once, history before/after", async () => {
    const { grantId, allocation } = await activeGrant(10_000_000, 2_000_000);
    const nextYear = await freshAllocation(db, 20_000_000, 2003);
    const officer = await web("officer");
    // The form offers the officer's allocations the grant does not draw on yet, with what each has available.
    const offered = (await officer.amendments.forGrant({ grantId })).proposal!.newAllocations;
    expect(offered).toEqual(
      expect.arrayContaining([expect.objectContaining({ allocationId: nextYear, available: 20_000_000 })]),
    );
    expect(offered.map((a) => a.allocationId)).not.toContain(allocation);

    const [first, second] = await componentsOf(grantId);
    const proposal = await officer.amendments.propose({
      grantId,
      reason: "Survey is dropped; a mine risk education phase is added next year.",
      endsOn: "2004-03-31",
      totalAmount: 12_000_000,
      // Paid money is booked on funding lines and the grant, never on a component: the first one can go.
      components: [
        { id: first!.id, amount: 0 },
        { id: second!.id, amount: 2_500_000 },
      ],
      newComponents: [{ titleEn: "Mine risk education", titleFr: "Éducation au risque des mines", amount: 9_500_000 }],
      fundingLines: [
        { allocationId: allocation, amount: 10_000_000 },
        { allocationId: nextYear, amount: 2_000_000 },
      ],
    });
    // Nothing changes until it is approved.
    expect(await componentsOf(grantId)).toHaveLength(2);
    await (await web("officer2")).amendments.approve({ id: proposal.id });

    const components = await db
      .select()
      .from(grantComponents)
      .where(eq(grantComponents.grantId, grantId))
      .orderBy(asc(grantComponents.position));
    expect(components.map((c) => [c.titleEn, c.amount, c.position])).toEqual([
      ["Second part", 2_500_000, 2],
      ["Mine risk education", 9_500_000, 3],
    ]);
    expect(components[1]!.titleFr).toBe("Éducation au risque des mines");
    expect((await allocationRow(db, allocation)).committed).toBe(10_000_000);
    expect((await allocationRow(db, nextYear)).committed).toBe(2_000_000);
    expect(await db.$count(fundingLines, eq(fundingLines.grantId, grantId))).toBe(2);
    await expectLedgerConsistent();

    const [amendment] = (await officer.amendments.forGrant({ grantId })).amendments;
    expect(amendment!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "component",
          id: first!.id,
          titleEn: "First part",
          before: 7_500_000,
          after: 0,
        }),
        expect.objectContaining({
          field: "component",
          id: null,
          titleEn: "Mine risk education",
          before: 0,
          after: 9_500_000,
        }),
        expect.objectContaining({ field: "fundingLine", allocationId: nextYear, before: 0, after: 2_000_000 }),
      ]),
    );
  });

  it("removes a funding line nothing was paid from: its allocation is released", async () => {
    const first = await freshAllocation(db, 50_000_000);
    const second = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [first, second], 10_000_000));
    const officer = await web("officer");
    const proposal = await officer.amendments.propose({
      grantId,
      reason: "One allocation funds it all.",
      fundingLines: [{ allocationId: first, amount: 10_000_000 }],
    });
    await (await web("officer2")).amendments.approve({ id: proposal.id });
    expect(await db.$count(fundingLines, eq(fundingLines.grantId, grantId))).toBe(1);
    expect((await allocationRow(db, second)).committed).toBe(0);
    const [amendment] = (await officer.amendments.forGrant({ grantId })).amendments;
    expect(amendment!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "fundingLine", allocationId: second, before: 5_000_000, after: 0 }),
      ]),
    );
    await expectLedgerConsistent();
  });

  it("keeps at least one component, and names a component that is not the grant's", async () => {
    const { grantId } = await activeGrant(10_000_000);
    const officer = await web("officer");
    const [first, second] = await componentsOf(grantId);
    expect(
      await refusal(
        officer.amendments.propose({
          grantId,
          reason: "Remove everything.",
          components: [
            { id: first!.id, amount: 0 },
            { id: second!.id, amount: 0 },
          ],
        }),
      ),
    ).toMatchObject({ code: "VALIDATION", field: "components" });
    const { grantId: other } = await activeGrant(10_000_000);
    const [foreign] = await componentsOf(other);
    expect(
      await refusal(
        officer.amendments.propose({ grantId, reason: "Wrong one.", components: [{ id: foreign!.id, amount: 1 }] }),
      ),
    ).toMatchObject({
      code: "VALIDATION",
      field: "components.0.id",
      message: "Choose one of this grant's components.",
    });
    // An added component must be titled in both languages (the input's own check, naming the field).
    const untitled = await refusal(
      officer.amendments.propose({
        grantId,
        reason: "Untitled.",
        totalAmount: 10_000_100,
        components: [{ id: first!.id, amount: 7_500_000 }],
        newComponents: [{ titleEn: "Extra", titleFr: "", amount: 100 }],
      }),
    );
    expect(untitled.code).toBe("BAD_REQUEST");
  });
});

describe("refusals in the reader's language", () => {
  /** A proposal over HTTP as the browser sends it, so the error formatter writes the reader's language. */
  async function proposeOverHttp(locale: "en" | "fr", input: unknown) {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/amendments.propose", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      }),
      router: webRouter,
      createContext: async () => ({ db, actor: await actorFor(db, "officer"), locale }),
    });
    return (await response.json()) as {
      error: { json: { message: string; data: { field: string | null; refusal: { key: string } | null } } };
    };
  }

  it("says what is already paid in English and in French, from the catalogue", async () => {
    const { grantId } = await activeGrant(10_000_000, 4_000_000);
    const input = { grantId, reason: "Too low.", totalAmount: 3_000_000 };
    const en = await proposeOverHttp("en", input);
    expect(en.error.json.message).toBe("$40,000.00 has already been paid on this grant; the total cannot be less.");
    expect(en.error.json.data).toMatchObject({ field: "totalAmount", refusal: { key: "amendmentTotalBelowPaid" } });
    const fr = await proposeOverHttp("fr", input);
    expect(fr.error.json.message).toBe(
      `${formatAmount(4_000_000, "CAD", "fr")} ont déjà été versés sur cette subvention ; le total ne peut pas être inférieur.`,
    );
  });
});
