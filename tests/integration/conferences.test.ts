import { allocationLedger, allocations, auditEvents, conferences, type Database } from "@portal/db";
import type { CreateConferenceInput } from "@portal/domain";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationIdOf,
  allocationRow,
  auditCount,
  codeOf,
  freshAllocation,
  organisationIdOf,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let warsawId: string;
let bangkokId: string;
let mac: string;
let icbl: string;

const web = async (persona: Persona) => (await callers(db, persona)).web;

async function conferenceIdOf(slug: string): Promise<string> {
  const [row] = await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.slug, slug));
  if (!row) throw new Error(`no conference ${slug}`);
  return row.id;
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  warsawId = await conferenceIdOf("warsaw-2001");
  bangkokId = await conferenceIdOf("bangkok-2002");
  mac = await organisationIdOf(db, "mac");
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

let titles = 0;
/** A valid conference in FY 2002-2003: two co-hosts (a state and an organisation) and five participating states. */
function conferenceInput(extra: Partial<CreateConferenceInput> = {}): CreateConferenceInput {
  return {
    titleEn: `Test seminar ${process.pid}-${++titles}`,
    titleFr: `Séminaire d'essai ${process.pid}-${titles}`,
    descriptionEn: "A test.",
    descriptionFr: "Un essai.",
    city: "Budapest",
    countryCode: "HU",
    startsOn: "2002-10-15",
    endsOn: "2002-10-16",
    coHosts: [{ countryCode: "CA" }, { organisationId: mac }],
    sessions: [{ themeEn: "Stockpiles", themeFr: "Stocks", titleEn: "Destruction", titleFr: "Destruction" }],
    participants: ["AO", "AF", "CA", "PL", "RU"],
    organisationIds: [icbl],
    outcomes: [{ textEn: "A declaration.", textFr: "Une déclaration." }],
    documents: [{ title: "Programme", url: "https://example.org/programme.pdf" }],
    fundingKind: "none",
    ...extra,
  };
}

/** Each allocation's running totals against the allocation_ledger view, which recomputes them from the facts. */
async function expectLedgerAgrees() {
  const counters = await db.select().from(allocations);
  const facts = new Map((await db.select().from(allocationLedger)).map((r) => [r.allocationId, r]));
  for (const a of counters) {
    expect({ id: a.id, committed: a.committed, disbursed: a.disbursed }).toEqual({
      id: a.id,
      committed: facts.get(a.id)!.committed,
      disbursed: facts.get(a.id)!.disbursed,
    });
  }
}

async function conferenceEvents(id: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "conference"), eq(auditEvents.entityId, id)));
}

describe("the seeded conferences", () => {
  it("has every regional event of the public record, and Warsaw from the source document", async () => {
    const list = await (await web("officer")).conferences.list({});
    const bySlug = new Map(
      (await db.select().from(conferences)).map((c) => [c.slug, { startsOn: c.startsOn, provenance: c.provenance }]),
    );
    expect(Object.fromEntries(bySlug)).toMatchObject({
      "mexico-city-1999": { startsOn: "1999-01-11", provenance: "public-record" },
      "buenos-aires-2000": { startsOn: "2000-11-06", provenance: "public-record" },
      "budapest-2001": { startsOn: "2001-02-01", provenance: "public-record" },
      "bamako-2001": { startsOn: "2001-02-15", provenance: "public-record" },
      "warsaw-2001": { startsOn: "2001-06-14", provenance: "source-document" },
      "bangkok-2002": { startsOn: "2002-05-13", provenance: "public-record" },
    });
    expect(list.map((c) => c.startsOn)).toEqual([...list.map((c) => c.startsOn)].sort().reverse());
  });

  it("shows Warsaw co-hosted by Poland and Canada, paid $40,803 from the MAPP FY 2001-2002 allocation", async () => {
    const warsaw = await (await web("officer")).conferences.byId({ id: warsawId });
    expect(warsaw.coHosts.map((h) => h.state?.iso2).sort()).toEqual(["CA", "PL"]);
    expect(warsaw.funding).toMatchObject({
      kind: "direct",
      amount: 4_080_300,
      allocation: { fiscalYear: 2001, programme: { code: "MAPP" } },
    });
    expect(warsaw.fiscalYear).toBe(2001);
    expect(warsaw.sessions).toHaveLength(5);
    expect(warsaw.sessions.every((s) => s.provenance === "illustrative")).toBe(true);
    const provenance = Object.fromEntries(warsaw.participants.map((p) => [p.iso2, p.provenance]));
    expect([provenance.PL, provenance.CA, provenance.HU]).toEqual([
      "source-document",
      "source-document",
      "illustrative",
    ]);
  });

  it("measures Warsaw's outcome: of 7 participating states not yet parties, 1 (Lithuania) joined within 24 months", async () => {
    // By hand from the UN dates: on 2001-06-14 Belarus (acceded 2003-09-03), Estonia (2004-05-12), Latvia
    // (2005-07-01), Lithuania (ratified 2003-05-12), Poland (2012-12-27), Russia (never) and Ukraine (2005-12-27)
    // had not deposited; the others had. Only Lithuania deposited by 2003-06-14.
    const warsaw = await (await web("officer")).conferences.byId({ id: warsawId });
    expect([...warsaw.outcome.notYetParties].sort()).toEqual(["BY", "EE", "LT", "LV", "PL", "RU", "UA"]);
    expect(warsaw.outcome.joined).toEqual(["LT"]);
    expect(warsaw.outcome).toMatchObject({ windowEndsOn: "2003-06-14", windowMonths: 24, complete: true });
    expect(warsaw.outcome.joinedStates[0]).toMatchObject({ nameEn: "Lithuania", depositedOn: "2003-05-12" });
    const row = (await (await web("officer")).conferences.list({ q: "Warsaw" }))[0]!;
    expect(row.outcome).toMatchObject({ notYetParties: 7, joined: 1 });
  });
});

describe("recording a conference", () => {
  it("creates one with two co-hosts and five states, each with its standing on the start date, audited once", async () => {
    const events = await auditCount(db);
    const officer = await web("officer");
    const created = await officer.conferences.create(conferenceInput());
    expect(await auditCount(db)).toBe(events + 1);
    const [event] = await conferenceEvents(created.id);
    expect(event).toMatchObject({ action: "conference.create", actorRole: "officer", before: null });
    expect((event!.after as { participants: string[] }).participants).toEqual(["AF", "AO", "CA", "PL", "RU"]);

    const detail = await officer.conferences.byId({ id: created.id });
    expect(detail.coHosts.map((h) => h.kind)).toEqual(["state", "organisation"]);
    expect(Object.fromEntries(detail.participants.map((p) => [p.iso2, p.standing]))).toEqual({
      AO: "party-pending",
      AF: "party-pending",
      CA: "state-party",
      PL: "signatory",
      RU: "non-signatory",
    });
    expect(detail.participants.every((p) => p.provenance === "entered")).toBe(true);
    expect(detail.documents).toEqual([expect.objectContaining({ title: "Programme" })]);
    expect(detail.outcome.notYetParties.sort()).toEqual(["PL", "RU"]);
    expect(detail.outcome.measure).toBe("joinedWithinWindow");
    expect(detail.funding).toEqual({ kind: "none" });
  });

  it("says what its outcome measures: joins within the window, or that there was no one left to join, or no states", async () => {
    const officer = await web("officer");
    const measureOf = async (participants: string[]) => {
      const created = await officer.conferences.create(conferenceInput({ participants }));
      return (await officer.conferences.byId({ id: created.id })).outcome.measure;
    };
    // Canada was a state party and Angola had deposited before the start: neither is still to join.
    expect(await measureOf(["CA", "AO"])).toBe("allParties");
    expect(await measureOf([])).toBe("noStates");
    expect(await measureOf(["CA", "PL"])).toBe("joinedWithinWindow");
  });

  it("charges a direct cost to the allocation's committed and disbursed, as allocation_ledger counts it", async () => {
    const mapp = await allocationIdOf(db, "MAPP", 2002);
    const before = await allocationRow(db, mapp);
    const officer = await web("officer");
    const created = await officer.conferences.create(
      conferenceInput({ fundingKind: "direct", allocationId: mapp, directCost: 1_234_567 }),
    );
    const after = await allocationRow(db, mapp);
    expect(after.committed - before.committed).toBe(1_234_567);
    expect(after.disbursed - before.disbursed).toBe(1_234_567);
    await expectLedgerAgrees();
    // The admin console's budget shows the same figure.
    const { admin } = await callers(db, "admin");
    const line = (await admin.budgets.overview({ fiscalYear: 2002 })).lines.find((l) => l.allocationId === mapp)!;
    expect([line.committed, line.disbursed]).toEqual([after.committed, after.disbursed]);

    // Editing the amount moves the difference; moving it to MMP moves all of it; dropping it gives it back.
    const mmp = await allocationIdOf(db, "MMP", 2002);
    const mmpBefore = await allocationRow(db, mmp);
    let version = created.version;
    const save = async (extra: Partial<CreateConferenceInput>) => {
      const updated = await officer.conferences.update({ id: created.id, version, data: conferenceInput(extra) });
      version = updated.version;
    };
    await save({ fundingKind: "direct", allocationId: mapp, directCost: 1_000_000 });
    expect((await allocationRow(db, mapp)).committed - before.committed).toBe(1_000_000);
    await save({ fundingKind: "direct", allocationId: mmp, directCost: 500_000 });
    expect((await allocationRow(db, mapp)).committed).toBe(before.committed);
    expect((await allocationRow(db, mmp)).disbursed - mmpBefore.disbursed).toBe(500_000);
    await expectLedgerAgrees();
    await save({ fundingKind: "none" });
    expect((await allocationRow(db, mmp)).committed).toBe(mmpBefore.committed);
    await expectLedgerAgrees();
    const trail = await officer.conferences.auditTrail({ id: created.id });
    expect(trail.map((e) => e.action)).toEqual([
      "conference.update",
      "conference.update",
      "conference.update",
      "conference.create",
    ]);
  });

  it("refuses a cost the allocation cannot cover, naming the field, and writes nothing", async () => {
    const small = await freshAllocation(db, 100_000);
    const events = await auditCount(db);
    const count = await db.$count(conferences);
    const error = await (
      await web("officer")
    ).conferences
      .create(conferenceInput({ fundingKind: "direct", allocationId: small, directCost: 100_001 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).cause).toMatchObject({ code: "ALLOCATION_EXCEEDED", field: "directCost" });
    expect((error as TRPCError).message).toContain("$1,000.00 available");
    expect(await auditCount(db)).toBe(events);
    expect(await db.$count(conferences)).toBe(count);
    expect(await allocationRow(db, small)).toMatchObject({ committed: 0, disbursed: 0 });
  });

  it("lets only as many concurrent conferences charge an allocation as it can cover", async () => {
    const allocation = await freshAllocation(db, 1_000_000);
    const officer = await web("officer");
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        codeOf(
          officer.conferences.create(
            conferenceInput({ fundingKind: "direct", allocationId: allocation, directCost: 300_000 }),
          ),
        ),
      ),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(3);
    expect(results.filter((r) => r === "ALLOCATION_EXCEEDED")).toHaveLength(7);
    expect(await allocationRow(db, allocation)).toMatchObject({ committed: 900_000, disbursed: 900_000 });
    await expectLedgerAgrees();
  });

  it("charges a direct cost only to an allocation of the fiscal year the conference starts in", async () => {
    const mapp2001 = await allocationIdOf(db, "MAPP", 2001);
    const error = await (
      await web("officer")
    ).conferences
      .create(conferenceInput({ fundingKind: "direct", allocationId: mapp2001, directCost: 100 }))
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toMatchObject({ code: "VALIDATION", field: "allocationId" });
  });

  it("refuses a save over someone else's change", async () => {
    const officer = await web("officer");
    const created = await officer.conferences.create(conferenceInput());
    await (await web("officer2")).conferences.update({ id: created.id, version: 1, data: conferenceInput() });
    const error = await officer.conferences
      .update({ id: created.id, version: 1, data: conferenceInput() })
      .catch((e: unknown) => e);
    expect((error as TRPCError).cause).toMatchObject({ code: "CONFLICT", field: "version" });
  });

  it("keeps a seeded row's provenance when an officer leaves it unchanged", async () => {
    const officer = await web("officer");
    const warsaw = await officer.conferences.byId({ id: warsawId });
    const mapp2001 = await allocationIdOf(db, "MAPP", 2001);
    const before = await allocationRow(db, mapp2001);
    await officer.conferences.update({
      id: warsawId,
      version: warsaw.version,
      data: {
        ...conferenceInput(),
        titleEn: warsaw.titleEn,
        titleFr: warsaw.titleFr,
        city: warsaw.city,
        countryCode: warsaw.countryCode,
        startsOn: warsaw.startsOn,
        endsOn: warsaw.endsOn,
        coHosts: warsaw.coHosts.map((h) => ({ countryCode: h.state?.iso2 ?? null })),
        sessions: warsaw.sessions.map(({ themeEn, themeFr, titleEn, titleFr }) => ({
          themeEn,
          themeFr,
          titleEn,
          titleFr,
        })),
        participants: [...warsaw.participants.map((p) => p.iso2), "MD"].filter((v, i, a) => a.indexOf(v) === i),
        organisationIds: warsaw.organisations.map((o) => o.id),
        outcomes: [],
        documents: [],
        fundingKind: "direct",
        allocationId: mapp2001,
        directCost: 4_080_300,
      },
    });
    const after = await officer.conferences.byId({ id: warsawId });
    expect(after.participants.find((p) => p.iso2 === "PL")?.provenance).toBe("source-document");
    expect(after.participants.find((p) => p.iso2 === "HU")?.provenance).toBe("illustrative");
    expect(after.sessions.length).toBeGreaterThan(0);
    expect(after.sessions.every((s) => s.provenance === "illustrative")).toBe(true);
    // Same cost on the same allocation: nothing moves.
    expect(await allocationRow(db, mapp2001)).toMatchObject({
      committed: before.committed,
      disbursed: before.disbursed,
    });
  });
});

describe("bad input is a bad request naming the field", () => {
  it.each<[string, Partial<CreateConferenceInput>, string]>([
    ["an end before the start", { endsOn: "2002-10-14" }, "endsOn"],
    ["no English title", { titleEn: "  " }, "titleEn"],
    ["a malformed date", { startsOn: "2002-13-01" }, "startsOn"],
    ["a direct cost without an allocation", { fundingKind: "direct", directCost: 100 }, "allocationId"],
    ["a grant funding without a grant", { fundingKind: "grant" }, "grantId"],
    ["a state twice", { participants: ["CA", "CA"] }, "participants"],
    ["a document that is not a web address", { documents: [{ title: "x", url: "ftp://x" }] }, "documents.0.url"],
  ])("%s", async (_case, extra, field) => {
    const error = await (await web("officer")).conferences.create(conferenceInput(extra)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const { data } = (error as TRPCError & { cause: { issues: { path: (string | number)[] }[] } }).cause
      ? { data: (error as TRPCError & { cause: { issues: { path: (string | number)[] }[] } }).cause.issues }
      : { data: [] };
    expect(data.map((issue) => issue.path.join("."))).toContain(field);
  });

  it.each<[string, Partial<CreateConferenceInput>, string]>([
    ["an unknown host country", { countryCode: "ZZ" }, "countryCode"],
    ["an unknown participating state", { participants: ["CA", "QQ"] }, "participants"],
    [
      "an unknown co-host organisation",
      { coHosts: [{ organisationId: "00000000-0000-4000-8000-000000000000" }] },
      "coHosts.0",
    ],
  ])("%s", async (_case, extra, field) => {
    const error = await (await web("officer")).conferences.create(conferenceInput(extra)).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toMatchObject({ code: "VALIDATION", field });
  });
});

describe("who may see and record conferences", () => {
  const table: { persona: Persona; list: string; warsaw: string; bangkok: string; create: string; funding: boolean }[] =
    [
      {
        persona: "anonymous",
        list: "UNAUTHORIZED",
        warsaw: "UNAUTHORIZED",
        bangkok: "UNAUTHORIZED",
        create: "UNAUTHORIZED",
        funding: false,
      },
      { persona: "partnerMac", list: "own", warsaw: "OK", bangkok: "NOT_FOUND", create: "FORBIDDEN", funding: false },
      { persona: "partnerIcbl", list: "own", warsaw: "OK", bangkok: "NOT_FOUND", create: "FORBIDDEN", funding: false },
      { persona: "officer", list: "all", warsaw: "OK", bangkok: "OK", create: "OK", funding: true },
      { persona: "admin", list: "all", warsaw: "OK", bangkok: "OK", create: "FORBIDDEN", funding: true },
    ];
  for (const row of table) {
    it(`${row.persona}: list ${row.list}, Warsaw ${row.warsaw}, Bangkok ${row.bangkok}, create ${row.create}`, async () => {
      const api = await web(row.persona);
      expect(await codeOf(api.conferences.byId({ id: warsawId }))).toBe(row.warsaw);
      expect(await codeOf(api.conferences.byId({ id: bangkokId }))).toBe(row.bangkok);
      expect(await codeOf(api.conferences.create(conferenceInput()))).toBe(row.create);
      if (row.list === "UNAUTHORIZED") {
        expect(await codeOf(api.conferences.list({}))).toBe("UNAUTHORIZED");
        return;
      }
      const list = await api.conferences.list({});
      if (row.list === "own") {
        expect(list.map((c) => c.id)).toContain(warsawId);
        expect(list.map((c) => c.id)).not.toContain(bangkokId);
        expect(list.every((c) => c.directCost === null)).toBe(true);
      } else {
        expect(list.length).toBe(await db.$count(conferences));
      }
      const warsaw = await api.conferences.byId({ id: warsawId });
      expect(warsaw.funding !== null).toBe(row.funding);
    });
  }
});
