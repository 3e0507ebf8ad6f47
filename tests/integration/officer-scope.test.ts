import type { Actor } from "@portal/api";
import { systemActor } from "@portal/api/notifications";
import {
  csvStream,
  GRANT_EXPORT_COLUMNS,
  grantListExport,
  manageableGrants,
  manageableGrantsOf,
  PAYMENT_EXPORT_COLUMNS,
  paymentsExport,
  refreshPaymentHolds,
} from "@portal/api/services";
import { auditEvents, type Database, grants, programmes, reportingRequirements, users } from "@portal/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, callersAs, scopedOfficer } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationIdOf,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  organisationIdOf,
  refusal,
} from "./support/ledger-fixtures";

// Officer programme scope against the seeded portfolio: which grants each kind of officer reads, which they act on,
// and that lists, search, the dashboard and exports leave out what an admin hid. The expected sets are computed here
// from the funding lines, independently of the conditions under test.

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let programmeIds: Record<"CLF" | "MAPP" | "MMP", string>;
/** Seeded grants by the programmes funding them. */
let mmpOnly: { id: string; reference: string }[];
let mappOnly: { id: string; reference: string }[];
/** Drafts funded from no allocation yet: open to every officer who has a programme. */
let unfunded: { id: string; reference: string }[];
let funded: number;
let hidden: Actor;

async function programmeIdOf(code: string): Promise<string> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code));
  return row!.id;
}

async function grantsFundedOnlyBy(code: string) {
  const rows = await db.execute<{ id: string; reference: string }>(sql`
    select g.id, g.reference from grants g
    where exists (select 1 from funding_lines fl where fl.grant_id = g.id)
      and not exists (select 1 from funding_lines fl join allocations a on a.id = fl.allocation_id
                      join programmes p on p.id = a.programme_id where fl.grant_id = g.id and p.code <> ${code})
    order by g.reference`);
  return [...rows];
}

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const headers = <T extends readonly string[]>(columns: T) =>
  Object.fromEntries(columns.map((c) => [c, c])) as Record<T[number], string>;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  programmeIds = {
    CLF: await programmeIdOf("CLF"),
    MAPP: await programmeIdOf("MAPP"),
    MMP: await programmeIdOf("MMP"),
  };
  mmpOnly = await grantsFundedOnlyBy("MMP");
  mappOnly = await grantsFundedOnlyBy("MAPP");
  unfunded = [
    ...(await db.execute<{ id: string; reference: string }>(sql`
    select g.id, g.reference from grants g where not exists (select 1 from funding_lines fl where fl.grant_id = g.id)`)),
  ];
  const [{ count } = { count: 0 }] = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from grants g where exists (select 1 from funding_lines fl where fl.grant_id = g.id)`,
  );
  funded = count;
  hidden = await scopedOfficer(db, [programmeIds.MMP], "hidden");
});
afterAll(() => drop());

describe("the seed", () => {
  it("has grants of each programme to tell apart", () => {
    expect(mmpOnly.length).toBeGreaterThan(0);
    expect(mappOnly.length).toBeGreaterThan(0);
  });
});

describe("an officer who sees grants outside their programmes not at all (hidden)", () => {
  it("lists and searches only their programmes' grants", async () => {
    const { web } = callersAs(db, hidden);
    const list = await web.grants.list({ pageSize: 200 });
    const expected = [...mmpOnly, ...unfunded].map((g) => g.reference).sort();
    expect(list.rows.map((g) => g.reference).sort()).toEqual(expected);
    expect(list.total).toBe(expected.length);
    const target = mappOnly[0]!.reference;
    expect((await web.grants.list({ q: target })).total).toBe(0);
    expect((await (await callers(db, "officer")).web.grants.list({ q: target })).total).toBe(1);
  });

  it("finds a hidden grant, its report and its audit trail nowhere (NOT_FOUND, as if it did not exist)", async () => {
    const { web } = callersAs(db, hidden);
    const grantId = mappOnly[0]!.id;
    expect(await codeOf(web.grants.byId({ id: grantId }))).toBe("NOT_FOUND");
    expect(await codeOf(web.grants.auditTrail({ id: grantId }))).toBe("NOT_FOUND");
    const [requirement] = await db
      .select({ id: reportingRequirements.id })
      .from(reportingRequirements)
      .where(eq(reportingRequirements.grantId, grantId));
    if (requirement) expect(await codeOf(web.attachments.report({ requirementId: requirement.id }))).toBe("NOT_FOUND");
  });

  it("is offered filters, dashboard rows and report lists of their programmes only", async () => {
    const { web } = callersAs(db, hidden);
    const options = await web.dashboard.grantListOptions();
    expect(options.programmes.map((p) => p.code)).toEqual(["MMP"]);
    const mine = new Set([...mmpOnly, ...unfunded].map((g) => g.id));
    const dashboard = await web.dashboard.officer();
    const rows = [
      ...dashboard.approvals.rows,
      ...dashboard.payments.rows,
      ...dashboard.overdueReports.rows,
      ...dashboard.reportsToReview.rows,
    ];
    for (const row of rows) expect(mine.has(row.grantId)).toBe(true);
    for (const view of ["due", "overdue", "review"] as const) {
      const reports = await web.dashboard.reports({ view, pageSize: 200 });
      for (const row of reports.rows) expect(mine.has(row.grantId)).toBe(true);
    }
  });

  it("exports grants and payments of their programmes only", async () => {
    const grantCsv = await text(
      csvStream(
        await grantListExport(
          db,
          hidden,
          {},
          { locale: "en", fileBase: "g", sheetName: "G", headers: headers(GRANT_EXPORT_COLUMNS), status: (s) => s },
          "csv",
        ),
      ),
    );
    for (const g of mmpOnly) expect(grantCsv).toContain(g.reference);
    for (const g of mappOnly) expect(grantCsv).not.toContain(g.reference);
    const paymentCsv = await text(
      csvStream(
        await paymentsExport(
          db,
          hidden,
          {
            locale: "en",
            fileBase: "p",
            sheetName: "P",
            headers: headers(PAYMENT_EXPORT_COLUMNS),
            kind: (k) => k,
            status: (s) => s,
          },
          "csv",
        ),
      ),
    );
    for (const g of mappOnly) expect(paymentCsv).not.toContain(g.reference);
    // The same export for the Fund officer has them: the difference is the scope.
    const fundCsv = await text(
      csvStream(
        await grantListExport(
          db,
          (await actorFor(db, "officer"))!,
          {},
          { locale: "en", fileBase: "g", sheetName: "G", headers: headers(GRANT_EXPORT_COLUMNS), status: (s) => s },
          "csv",
        ),
      ),
    );
    for (const g of mappOnly) expect(fundCsv).toContain(g.reference);
  });
});

describe("an officer who reads grants outside their programmes (read-only, officer3@)", () => {
  it("lists every funded grant, and reads one of another programme with the reason it is read-only", async () => {
    const { web } = await callers(db, "officer3");
    expect((await web.grants.list({ pageSize: 200 })).total).toBeGreaterThanOrEqual(funded);
    const outside = await web.grants.byId({ id: mappOnly[0]!.id });
    expect(outside.readOnlyReason).toBe("outsideProgrammes");
    expect(outside.availableActions).toEqual([]);
    const own = await web.grants.byId({ id: mmpOnly[0]!.id });
    expect(own.readOnlyReason).toBeNull();
  });

  it("is refused any action on it, with the reason", async () => {
    const { web } = await callers(db, "officer3");
    const refused = await refusal(
      web.requirements.add({ grantId: mappOnly[0]!.id, kind: "narrative", stage: "final", dueOn: "2099-01-01" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("outside your programmes");
  });

  it("lists on the dashboard only what they manage", async () => {
    const mine = new Set([...mmpOnly, ...unfunded].map((g) => g.id));
    const dashboard = await (await callers(db, "officer3")).web.dashboard.officer();
    for (const row of [...dashboard.payments.rows, ...dashboard.reportsToReview.rows, ...dashboard.overdueReports.rows])
      expect(mine.has(row.grantId)).toBe(true);
  });

  it("creates grants only on their programmes' allocations, and cannot move a draft onto another's", async () => {
    const { web } = await callers(db, "officer3");
    const options = await web.grants.formOptions();
    expect(new Set(options.allocations.map((a) => a.programme.code))).toEqual(new Set(["MMP"]));
    const mapp = await allocationIdOf(db, "MAPP", 2002);
    const mmp = await allocationIdOf(db, "MMP", 2002);
    expect(await refusal(web.grants.create(grantInput(icbl, [mapp], 1_000_000)))).toMatchObject({
      code: "FORBIDDEN",
      field: "fundingLines.0.allocationId",
    });
    const draft = await web.grants.create(grantInput(icbl, [mmp], 1_000_000));
    expect(
      await refusal(
        web.grants.update({ id: draft.id, version: draft.version, data: grantInput(icbl, [mmp, mapp], 1_000_000) }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", field: "fundingLines.1.allocationId" });
    expect(await codeOf(web.grants.transition({ id: draft.id, action: "submit" }))).toBe("OK");
  });
});

/** One actor of each kind the scope tells apart: full and one-programme officers, a partner, an admin, an officer
 * hidden from other programmes, one of no programme (read-only elsewhere), and the system. */
async function everyKindOfActor(): Promise<Actor[]> {
  return [
    (await actorFor(db, "officer"))!,
    (await actorFor(db, "officer3"))!,
    (await actorFor(db, "partnerIcbl"))!,
    (await actorFor(db, "admin"))!,
    hidden,
    await scopedOfficer(db, [], "read_only"),
    systemActor,
  ];
}

describe("the scope read from a child row's grant id (manageableGrants on grant_id, the dashboard's counts)", () => {
  it("selects, for every kind of actor, exactly the rows the condition on the joined grant selects", async () => {
    const actors = await everyKindOfActor();
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    const manageableCounts = new Set<number>();
    for (const actor of actors) {
      const byGrantId = await db
        .select({ id: reportingRequirements.id })
        .from(reportingRequirements)
        .where(manageableGrants(actor, reportingRequirements.grantId));
      const byJoin = await db
        .select({ id: reportingRequirements.id })
        .from(reportingRequirements)
        .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
        .where(manageableGrants(actor));
      expect(ids(byGrantId), `${actor.role} ${actor.userId}`).toEqual(ids(byJoin));
      manageableCounts.add(byJoin.length);
    }
    // The actors tell something apart: all, some, none.
    expect(manageableCounts.size).toBeGreaterThanOrEqual(3);
  });
});

describe("the scope from the grants' programmes (manageableGrantsOf, the officer dashboard)", () => {
  it("selects, for every kind of actor, exactly the grants and child rows manageableGrants selects", async () => {
    const actors = [
      ...(await everyKindOfActor()),
      await scopedOfficer(db, [programmeIds.MAPP, programmeIds.MMP], "hidden"),
    ];
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    for (const actor of actors) {
      const manages = await manageableGrantsOf(db, actor);
      const label = `${actor.role} ${actor.userId}`;
      const grantIds = async (where: ReturnType<typeof manageableGrants>) =>
        ids(await db.select({ id: grants.id }).from(grants).where(where));
      expect(await grantIds(manages()), label).toEqual(await grantIds(manageableGrants(actor)));
      const requirementIds = async (where: ReturnType<typeof manageableGrants>) =>
        ids(await db.select({ id: reportingRequirements.id }).from(reportingRequirements).where(where));
      expect(await requirementIds(manages(reportingRequirements.grantId)), label).toEqual(
        await requirementIds(manageableGrants(actor, reportingRequirements.grantId)),
      );
    }
  });

  it("keeps each grant's programmes equal to its funding lines' through edits, amendments and moved lines", async () => {
    const drift = async () => {
      const [row] = await db.execute<{ n: string }>(sql`
        select count(*) as n from grants g where g.programme_ids <> coalesce((
          select array_agg(distinct a.programme_id order by a.programme_id) from funding_lines fl
          join allocations a on a.id = fl.allocation_id where fl.grant_id = g.id), '{}')`);
      return Number(row!.n);
    };
    expect(await drift()).toBe(0);
    const { web } = await callers(db, "officer");
    const [mapp, mmp] = [await allocationIdOf(db, "MAPP", 2002), await allocationIdOf(db, "MMP", 2002)];
    const draft = await web.grants.create(grantInput(icbl, [mmp], 1_000_000));
    const programmesOf = async (id: string) =>
      (await db.select({ ids: grants.programmeIds }).from(grants).where(eq(grants.id, id)))[0]!.ids;
    expect(await programmesOf(draft.id)).toEqual([programmeIds.MMP]);
    await web.grants.update({ id: draft.id, version: draft.version, data: grantInput(icbl, [mmp, mapp], 1_000_000) });
    expect(await programmesOf(draft.id)).toEqual([programmeIds.MAPP, programmeIds.MMP].sort());
    await db.execute(sql`delete from funding_lines where grant_id = ${draft.id}`);
    expect(await programmesOf(draft.id)).toEqual([]);
    expect(await drift()).toBe(0);
  });
});

describe("an officer with no programme", () => {
  it("manages nothing: no allocation to draw on, nothing to create, every grant read-only with that reason", async () => {
    const { web } = callersAs(db, await scopedOfficer(db, [], "read_only"));
    expect((await web.grants.formOptions()).allocations).toEqual([]);
    expect(await codeOf(web.grants.create(grantInput(icbl, [await allocationIdOf(db, "MMP", 2002)], 1_000_000)))).toBe(
      "FORBIDDEN",
    );
    expect((await web.grants.byId({ id: mmpOnly[0]!.id })).readOnlyReason).toBe("noProgrammes");
    expect((await web.programmeBudgets.mine()).programmes).toEqual([]);
    const dashboard = await web.dashboard.officer();
    expect(dashboard.payments.total + dashboard.reportsToReview.total + dashboard.approvals.total).toBe(0);
  });

  it("who is hidden the rest sees no grant at all", async () => {
    const { web } = callersAs(db, await scopedOfficer(db, [], "hidden"));
    expect((await web.grants.list({})).total).toBe(0);
  });
});

describe("the admin's assignment (users.setOfficerScope)", () => {
  it("applies on the next request, a fund covers its programmes, and each change is one audit event", async () => {
    const officer = await scopedOfficer(db, [], "read_only");
    const { web } = callersAs(db, officer);
    const { admin } = await callers(db, "admin");
    // A MAPP grant that is open, so adding a requirement is refused only by the scope.
    const target = await grantIn(db, "active", grantInput(icbl, [await allocationIdOf(db, "MAPP", 2002)], 1_000_000));
    expect(
      await refusal(web.requirements.add({ grantId: target, kind: "narrative", stage: "final", dueOn: "2099-01-01" })),
    ).toMatchObject({ code: "FORBIDDEN" });

    await admin.users.setOfficerScope({
      userId: officer.userId,
      programmeIds: [programmeIds.CLF],
      outsideProgrammes: "read_only",
    });
    expect((await web.grants.byId({ id: target })).readOnlyReason).toBeNull();
    expect(
      await codeOf(web.requirements.add({ grantId: target, kind: "narrative", stage: "final", dueOn: "2099-01-01" })),
    ).toBe("OK");
    const scope = await admin.users.officerScope({ userId: officer.userId });
    expect(scope.programmes.find((p) => p.code === "MAPP")).toMatchObject({ assigned: false, coveredByFund: true });

    await admin.users.setOfficerScope({
      userId: officer.userId,
      programmeIds: [programmeIds.MMP],
      outsideProgrammes: "hidden",
    });
    expect(await codeOf(web.grants.byId({ id: target }))).toBe("NOT_FOUND");

    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, officer.userId), eq(auditEvents.action, "user.setProgrammeScope")));
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        { programmes: [{ id: programmeIds.CLF, code: "CLF" }], outsideProgrammes: "read_only" },
        { programmes: [{ id: programmeIds.MMP, code: "MMP" }], outsideProgrammes: "hidden" },
      ]),
    );
    // Saving the same scope again changes nothing and writes nothing.
    expect(
      await admin.users.setOfficerScope({
        userId: officer.userId,
        programmeIds: [programmeIds.MMP],
        outsideProgrammes: "hidden",
      }),
    ).toMatchObject({ changed: false });
  });

  it("refuses a partner, an unknown programme and a programme twice, naming the field", async () => {
    const { admin } = await callers(db, "admin");
    const [partner] = await db.select({ id: users.id }).from(users).where(eq(users.email, "partner@icbl.example.org"));
    const [officer3] = await db.select({ id: users.id }).from(users).where(eq(users.email, "officer3@example.org"));
    expect(
      await refusal(
        admin.users.setOfficerScope({ userId: partner!.id, programmeIds: [], outsideProgrammes: "hidden" }),
      ),
    ).toMatchObject({
      code: "VALIDATION",
      field: "userId",
    });
    expect(
      await refusal(
        admin.users.setOfficerScope({
          userId: officer3!.id,
          programmeIds: ["00000000-0000-4000-8000-00000000abcd"],
          outsideProgrammes: "hidden",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND", field: "programmeIds" });
    expect(
      await codeOf(
        admin.users.setOfficerScope({
          userId: officer3!.id,
          programmeIds: [programmeIds.MMP, programmeIds.MMP],
          outsideProgrammes: "hidden",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("the officers' read-only budget view (programmeBudgets.mine)", () => {
  it("shows each assigned programme's budget, committed, disbursed and available per year, as the admin's view has them", async () => {
    const { admin } = await callers(db, "admin");
    const mmpView = await (await callers(db, "officer3")).web.programmeBudgets.mine();
    expect(mmpView.programmes.map((p) => p.programme.code)).toEqual(["MMP"]);
    expect(mmpView.programmes[0]).toEqual(
      await admin.budgetAdministration.programmeBudget({ programmeId: programmeIds.MMP }),
    );
    for (const year of mmpView.programmes[0]!.years) expect(year.available).toBe(year.allocated - year.committed);

    const fundView = await (await callers(db, "officer")).web.programmeBudgets.mine();
    expect(fundView.programmes.map((p) => p.programme.code)).toEqual(["CLF"]);
    expect(fundView.programmes[0]!.children.map((c) => c.code)).toEqual(expect.arrayContaining(["MAPP", "MMP"]));
    expect(fundView.programmes[0]).toEqual(
      await admin.budgetAdministration.programmeBudget({ programmeId: programmeIds.CLF }),
    );
  });
});

describe("the scheduled jobs' account", () => {
  // It has no programme of its own: without actsOnAllProgrammes the lock would refuse it (FORBIDDEN).
  it("still refreshes payment holds on any programme's grant", async () => {
    const allocation = await freshAllocation(db, 100_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    expect(await refreshPaymentHolds(db, systemActor, { grantId })).toBeDefined();
  });
});
