import type { Database } from "@portal/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientTotalsDisagreements } from "../bench/scale-data";
import { actorFor, callers } from "./support/actors";
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

// recipient_totals and the recipient copied onto instalments, reports and disbursements (migration 0024) are kept by
// triggers in the ledger's own transactions; the partner workspace reads its counts and sums from the one and its
// lists through indexes led by the other. Every test compares both with the rows they stand for (recomputed from
// the grants, instalments, reports and disbursements), so a missed change, a lost update under concurrency or a
// deadlock between writers shows; and the workspace with the same figures and lists read the old way.

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

/** What the database said when it refused a statement. */
async function refusalOf(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await setup.execute(statement);
    return "no error";
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
}

async function disagreements(): Promise<number> {
  const [row] = await setup.execute<{ count: string }>(recipientTotalsDisagreements);
  return Number(row!.count);
}

const FIGURES = [
  "grants",
  "funded",
  "received",
  "payments",
  "upcoming",
  "upcoming_amount",
  "reports_in_play",
  "reports_due",
] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

/** A recipient's CAD totals (zeros when it has no row). */
async function cadTotalsOf(recipientId: string): Promise<Figures> {
  const [row] = await setup.execute<Record<string, string>>(
    sql`select * from recipient_totals where recipient_id = ${recipientId} and currency = 'CAD'`,
  );
  return Object.fromEntries(FIGURES.map((f) => [f, Number(row?.[f] ?? 0)])) as Figures;
}

/** What `step` moved in a recipient's CAD totals, the figures that did not move left out. */
async function moved(recipientId: string, step: () => Promise<unknown>): Promise<Partial<Figures>> {
  const before = await cadTotalsOf(recipientId);
  await step();
  const after = await cadTotalsOf(recipientId);
  expect(await disagreements()).toBe(0);
  return Object.fromEntries(FIGURES.filter((f) => after[f] !== before[f]).map((f) => [f, after[f] - before[f]]));
}

/** The workspace of a partner, against the same figures and lists read from the grants and the rows under them. */
async function expectWorkspaceAsLedger(persona: "partnerMac" | "partnerIcbl") {
  const actor = (await actorFor(setup, persona))!;
  const workspace = await (await callers(db, persona)).web.dashboard.partner();
  const mine = sql`g.recipient_id in (select organisation_id from memberships where user_id = ${actor.userId})
    and g.status <> 'draft'`;
  const figures = async (query: ReturnType<typeof sql>) =>
    (await setup.execute<{ currency: string; amount: string; n: string }>(query)).map((row) => ({
      currency: row.currency.trim(),
      amount: Number(row.amount),
      n: Number(row.n),
    }));
  const funding = await figures(
    sql`select g.currency, sum(g.total_amount) as amount, count(*) as n from grants g where ${mine} group by 1 order by 1`,
  );
  const received = await figures(
    sql`select g.currency, sum(g.disbursed) as amount, count(*) as n from grants g where ${mine} group by 1 order by 1`,
  );
  const upcoming = await figures(sql`select g.currency, sum(sp.amount) as amount, count(*) as n
    from scheduled_payments sp join grants g on g.id = sp.grant_id
    where ${mine} and sp.status in ('planned', 'due', 'approved', 'on_hold') group by 1 order by 1`);
  const [counts] = await setup.execute<{ payments: string; in_play: string; due: string }>(sql`select
    (select count(*) from disbursements d join grants g on g.id = d.grant_id where ${mine}) as payments,
    (select count(*) from reporting_requirements r join grants g on g.id = r.grant_id where ${mine}
       and r.status in ('open', 'changes_requested', 'submitted', 'resubmitted')) as in_play,
    (select count(*) from reporting_requirements r join grants g on g.id = r.grant_id where ${mine}
       and r.status in ('open', 'changes_requested')) as due`);
  const ids = async (query: ReturnType<typeof sql>) =>
    (await setup.execute<{ id: string }>(query)).map((row) => row.id);

  expect(workspace.grantCount).toBe(funding.reduce((n, f) => n + f.n, 0));
  expect(workspace.funding).toEqual(funding.map(({ currency, amount }) => ({ currency, amount })));
  expect(workspace.received.totals).toEqual(
    received.filter((r) => r.amount !== 0).map(({ currency, amount }) => ({ currency, amount })),
  );
  expect(workspace.received.total).toBe(Math.min(Number(counts!.payments), 1000));
  expect(workspace.upcoming.totals).toEqual(upcoming.map(({ currency, amount }) => ({ currency, amount })));
  expect(workspace.upcoming.total).toBe(upcoming.reduce((n, u) => n + u.n, 0));
  expect(workspace.reportCount).toBe(Number(counts!.in_play));
  expect(workspace.reportsDue).toBe(Number(counts!.due));
  expect(workspace.grants.map((g) => g.id)).toEqual(
    await ids(sql`select g.id from grants g where ${mine} order by g.starts_on desc, g.reference limit 50`),
  );
  expect(workspace.received.rows.map((r) => r.id)).toEqual(
    await ids(sql`select d.id from disbursements d join grants g on g.id = d.grant_id where ${mine}
      order by d.paid_on desc, d.created_at desc, d.id desc limit 50`),
  );
  expect(workspace.upcoming.rows.map((r) => r.id)).toEqual(
    await ids(sql`select sp.id from scheduled_payments sp join grants g on g.id = sp.grant_id
      where ${mine} and sp.status in ('planned', 'due', 'approved', 'on_hold')
      order by sp.due_on, sp.sequence, sp.id limit 50`),
  );
  expect(workspace.reports.map((r) => r.id)).toEqual(
    await ids(sql`select r.id from reporting_requirements r join grants g on g.id = r.grant_id
      where ${mine} and r.status in ('open', 'changes_requested', 'submitted', 'resubmitted')
      order by r.due_on, r.id limit 50`),
  );
}

describe("totals per recipient", () => {
  it("agree with the rows on the seeded demo (filled by the migration, kept by the seed's writes)", async () => {
    expect(
      Number((await setup.execute<{ n: string }>(sql`select count(*) as n from recipient_totals`))[0]!.n),
    ).toBeGreaterThan(0);
    expect(await disagreements()).toBe(0);
    await expectWorkspaceAsLedger("partnerMac");
    await expectWorkspaceAsLedger("partnerIcbl");
  });

  it("follow a grant's life: draft, recipient changed, approval, schedule, reports, pay, reverse, amend, move, end, delete", async () => {
    const allocation = await freshAllocation(setup, 100_000_000);
    const { web: officer } = await callers(db, "officer");
    const { web: officer2 } = await callers(db, "officer2");
    const { web: partner } = await callers(db, "partnerMac");

    // A draft counts nowhere, whatever is written under it, and may change recipient.
    let grantId = "";
    let requirementId = "";
    const input = grantInput(icbl, [allocation], 10_000_000);
    expect(
      await moved(icbl, async () => {
        grantId = (await officer.grants.create(input)).id;
        requirementId = (
          await officer.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2002-10-01" })
        ).id;
        await officer.payments.schedule({ grantId, dueOn: "2002-09-01", amount: 4_000_000 });
      }),
    ).toEqual({});
    expect(
      await moved(mac, () => officer.grants.update({ id: grantId, version: 1, data: { ...input, recipientId: mac } })),
    ).toEqual({});

    // Submitted, it counts for its recipient with what was written under it while a draft.
    expect(await moved(mac, () => officer.grants.transition({ id: grantId, action: "submit" }))).toEqual({
      grants: 1,
      funded: 10_000_000,
      upcoming: 1,
      upcoming_amount: 4_000_000,
      reports_in_play: 1,
      reports_due: 1,
    });
    await officer2.grants.transition({ id: grantId, action: "approve" });
    await officer.grants.transition({ id: grantId, action: "activate" });
    expect(
      await moved(mac, () => officer.payments.schedule({ grantId, dueOn: "2002-12-01", amount: 1_000_000 })),
    ).toEqual({ upcoming: 1, upcoming_amount: 1_000_000 });

    // A report handed in is in play but no longer due; sent back, due again; accepted, out of play.
    expect(await moved(mac, () => partner.requirements.submit({ requirementId, body: "Interim report." }))).toEqual({
      reports_due: -1,
    });
    expect(
      await moved(mac, () =>
        officer.requirements.review({ requirementId, decision: "changes_requested", response: "Add the figures." }),
      ),
    ).toEqual({ reports_due: 1 });
    await partner.requirements.submit({ requirementId, body: "With the figures." });
    expect(await moved(mac, () => officer.requirements.review({ requirementId, decision: "accepted" }))).toEqual({
      reports_in_play: -1,
    });

    // Paid: one payment more, what was received grows and the instalment is no longer to come; reversed likewise.
    const instalment = await approvedUnscheduled(setup, grantId, 2_000_000);
    let disbursementId = "";
    expect(
      await moved(mac, async () => {
        disbursementId = (
          await officer.disbursements.record({
            grantId,
            paidOn: "2002-07-01",
            amount: 2_000_000,
            reference: "EFT-RECIPIENT",
            idempotencyKey: newKey(),
            scheduledPaymentId: instalment,
          })
        ).disbursement.id;
      }),
    ).toEqual({ received: 2_000_000, payments: 1, upcoming: -1, upcoming_amount: -2_000_000 });
    expect(
      await moved(mac, () =>
        officer.disbursements.reverse({
          disbursementId,
          reason: "Paid to the wrong account.",
          paidOn: "2002-07-02",
          idempotencyKey: newKey(),
        }),
      ),
      // The reversed instalment is payable again.
    ).toEqual({ received: -2_000_000, payments: 1, upcoming: 1, upcoming_amount: 2_000_000 });
    await expectWorkspaceAsLedger("partnerMac");

    // Amended: the total moves.
    const components = await setup.execute<{ id: string; amount: string }>(
      sql`select id, amount::text from grant_components where grant_id = ${grantId} order by position`,
    );
    expect(
      await moved(mac, async () => {
        const proposal = await officer.amendments.propose({
          grantId,
          reason: "A smaller last phase.",
          totalAmount: 9_000_000,
          components: components.map((c, i) => ({
            id: c.id,
            amount: i === 0 ? Number(c.amount) - 1_000_000 : Number(c.amount),
          })),
          fundingLines: [{ allocationId: allocation, amount: 9_000_000 }],
        });
        await officer2.amendments.approve({ id: proposal.id });
      }),
    ).toEqual({ funded: -1_000_000 });

    // Moved to another recipient (no service does it past a draft; the database follows anyway): everything goes
    // with it, the copies on its payments too (the one change disbursements accept).
    const before = await cadTotalsOf(mac);
    const gained = await moved(icbl, () =>
      setup.execute(sql`update grants set recipient_id = ${icbl} where id = ${grantId}`),
    );
    const lost = await cadTotalsOf(mac);
    expect(gained).toMatchObject({ grants: 1, funded: 9_000_000, payments: 2 });
    for (const figure of FIGURES) expect(lost[figure]).toBe(before[figure] - (gained[figure] ?? 0));
    await expectWorkspaceAsLedger("partnerMac");
    await expectWorkspaceAsLedger("partnerIcbl");
    const refused = "disbursements is append-only: UPDATE refused";
    expect(await refusalOf(sql`update disbursements set recipient_id = ${mac} where grant_id = ${grantId}`)).toBe(
      refused,
    );
    for (const change of [sql`amount = amount`, sql`reference = 'EDITED'`, sql`recipient_id = recipient_id`]) {
      expect(await refusalOf(sql`update disbursements set ${change} where id = ${disbursementId}`)).toBe(refused);
    }
    expect(await refusalOf(sql`delete from disbursements where id = ${disbursementId}`)).toBe(
      "disbursements is append-only: DELETE refused",
    );

    // Terminated: its instalments still to come are cancelled (the draft's, the one added, the one reopened).
    expect(
      await moved(icbl, () => officer.grants.transition({ id: grantId, action: "terminate", reason: "Stopped." })),
    ).toEqual({ upcoming: -3, upcoming_amount: -7_000_000 });

    // A grant deleted (one without payments) takes its whole contribution away.
    const other = await grantIn(setup, "submitted", grantInput(mac, [allocation], 5_000_000));
    await officer.requirements.add({ grantId: other, kind: "financial", stage: "final", dueOn: "2003-06-30" });
    await officer.payments.schedule({ grantId: other, dueOn: "2003-01-01", amount: 5_000_000 });
    expect(await moved(mac, () => setup.execute(sql`delete from grants where id = ${other}`))).toEqual({
      grants: -1,
      funded: -5_000_000,
      upcoming: -1,
      upcoming_amount: -5_000_000,
      reports_in_play: -1,
      reports_due: -1,
    });
    await expectWorkspaceAsLedger("partnerMac");
    await expectWorkspaceAsLedger("partnerIcbl");
  });

  it("stay exact under many parallel payments, reversals, approvals and reports of one recipient (no deadlock)", async () => {
    const [shared, other] = [await freshAllocation(setup, 500_000_000), await freshAllocation(setup, 500_000_000)];
    const { web: officer } = await callers(db, "officer");
    const { web: officer2 } = await callers(db, "officer2");
    const { web: partner } = await callers(db, "partnerMac");
    const active: { grantId: string; instalments: string[]; requirementId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      // Most to one recipient (one total for all of them), some to another on the same allocations.
      const input = grantInput(i % 3 ? mac : icbl, i % 2 ? [shared, other] : [other, shared], 10_000_000);
      const grantId = await grantIn(setup, "active", input);
      const instalments = [];
      for (let j = 0; j < 4; j++) instalments.push(await approvedUnscheduled(setup, grantId, 500_000));
      const { id: requirementId } = await officer.requirements.add({
        grantId,
        kind: "narrative",
        stage: "interim",
        dueOn: "2002-11-01",
      });
      active.push({ grantId, instalments, requirementId });
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
      submitted.push(await grantIn(setup, "submitted", grantInput(i % 3 ? mac : icbl, [other, shared])));
    const before = { mac: await cadTotalsOf(mac), icbl: await cadTotalsOf(icbl) };

    const macReports = active.filter((_, i) => i % 3 !== 0).map((a) => a.requirementId);
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
      ...macReports.map((requirementId) => codeOf(partner.requirements.submit({ requirementId, body: "Report." }))),
      ...active.map(({ grantId }) =>
        codeOf(officer2.payments.schedule({ grantId, dueOn: "2003-02-01", amount: 100_000 })),
      ),
    ]);
    expect(codes.filter((code) => code !== "OK")).toEqual([]);
    expect(await disagreements()).toBe(0);

    // 24 payments of 500,000 (16 of them on MAC's four grants) and three reversals of 300,000 (grants 0-2: one of
    // ICBL's, two of MAC's); one new instalment per grant; four reports handed in.
    const after = { mac: await cadTotalsOf(mac), icbl: await cadTotalsOf(icbl) };
    expect(after.mac.payments - before.mac.payments).toBe(16 + 2);
    expect(after.icbl.payments - before.icbl.payments).toBe(8 + 1);
    expect(after.mac.received - before.mac.received).toBe(16 * 500_000 - 2 * 300_000);
    expect(after.icbl.received - before.icbl.received).toBe(8 * 500_000 - 300_000);
    // A reversed payment's instalment is payable again.
    expect(after.mac.upcoming - before.mac.upcoming).toBe(-16 + 4 + 2);
    expect(after.mac.upcoming_amount - before.mac.upcoming_amount).toBe(-16 * 500_000 + 4 * 100_000 + 2 * 300_000);
    expect(after.mac.reports_due - before.mac.reports_due).toBe(-4);
    expect(after.mac.reports_in_play).toBe(before.mac.reports_in_play);
    expect(after.mac.grants).toBe(before.mac.grants);
    await expectWorkspaceAsLedger("partnerMac");
  });
});
