import { type Database, treatyStatus } from "@portal/db";
import { CONVENTION_ENTRY_INTO_FORCE, entryIntoForce, stockpileDeadline } from "@portal/domain";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebCaller } from "@portal/api";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

const officer = async () => (await callers(db, "officer")).web;

/** Every deposit date DOMAIN.md lists (UN Treaty Collection), with the entry into force the Convention's rule gives. */
const SOURCED_DEPOSITS: [iso2: string, state: string, deposited: string, inForce: string][] = [
  ["CA", "Canada", "1997-12-03", "1999-03-01"],
  ["IE", "Ireland", "1997-12-03", "1999-03-01"],
  ["MU", "Mauritius", "1997-12-03", "1999-03-01"],
  ["BF", "Burkina Faso", "1998-09-16", "1999-03-01"],
  ["MY", "Malaysia", "1999-04-22", "1999-10-01"],
  ["AR", "Argentina", "1999-09-14", "2000-03-01"],
  ["DZ", "Algeria", "2001-10-09", "2002-04-01"],
  ["CL", "Chile", "2001-09-10", "2002-03-01"],
  ["AO", "Angola", "2002-07-05", "2003-01-01"],
  ["AF", "Afghanistan", "2002-09-11", "2003-03-01"],
];

describe("entry into force, against every sourced date in the domain guide", () => {
  it.each(SOURCED_DEPOSITS)("%s (%s): deposited %s, in force %s", async (iso2, _name, deposited, inForce) => {
    expect(entryIntoForce(deposited)).toBe(inForce);
    const [row] = await db
      .select()
      .from(treatyStatus)
      .where(inArray(treatyStatus.iso2, [iso2]));
    // The seeded data agrees with the guide, and stores what the rule computes.
    expect(row).toMatchObject({
      depositedOn: deposited,
      entryIntoForceOn: inForce,
      stockpileDeadlineOn: stockpileDeadline(inForce),
      provenance: "public-record",
    });
  });

  it("holds for all 166 deposits, none in force before 1 March 1999, stockpiles due four years later", async () => {
    const rows = await db.select().from(treatyStatus);
    expect(rows).toHaveLength(166);
    for (const row of rows) {
      expect({ iso2: row.iso2, inForce: row.entryIntoForceOn }).toEqual({
        iso2: row.iso2,
        inForce: entryIntoForce(row.depositedOn!),
      });
      expect(row.entryIntoForceOn! >= CONVENTION_ENTRY_INTO_FORCE).toBe(true);
      expect(row.stockpileDeadlineOn).toBe(stockpileDeadline(row.entryIntoForceOn!));
    }
  });
});

describe("a state's standing on a date", () => {
  async function standing(iso2: string, on: string) {
    const tracker = await (await officer()).treaty.tracker({ on });
    return tracker.states.find((s) => s.iso2 === iso2)?.standing;
  }

  it.each([
    ["AF", "2001-06-14", "non-signatory"],
    ["AF", "2002-09-10", "non-signatory"],
    ["AF", "2002-09-11", "party-pending"],
    ["AF", "2003-03-01", "state-party"],
    ["PL", "2001-06-14", "signatory"],
    ["PL", "2013-06-01", "state-party"],
    ["CA", "1999-02-28", "party-pending"],
    ["CA", "2001-06-14", "state-party"],
    ["LT", "2025-12-26", "state-party"],
    ["LT", "2025-12-27", "withdrawn"],
    ["US", "2001-06-14", "non-signatory"],
  ])("%s on %s: %s", async (iso2, on, expected) => {
    expect(await standing(iso2, on)).toBe(expected);
  });

  it("shows Poland as a signatory and Afghanistan as not yet a party at the Warsaw seminar", async () => {
    const web = await officer();
    const warsaw = (await web.conferences.list({ q: "Warsaw" }))[0]!;
    const detail = await web.conferences.byId({ id: warsaw.id });
    const poland = detail.participants.find((p) => p.iso2 === "PL")!;
    expect(poland).toMatchObject({ standing: "signatory", coHost: true, signedOn: "1997-12-04" });
    expect(detail.coHosts.find((h) => h.state?.iso2 === "PL")?.state?.standing).toBe("signatory");
    expect(await standing("AF", detail.startsOn)).toBe("non-signatory");
  });
});

describe("the source document's figures, reproduced from the seeded data", () => {
  it("130 joined by November 2002; 33 stockpiles destroyed, six in the reporting year; producers 55 to 14", async () => {
    const figures = await (await officer()).treaty.figures();
    expect(figures.joined).toMatchObject({ by: "2002-11-30", count: 130, illustrative: 0 });
    expect(figures.stockpiles.count).toBe(33);
    // 27 sourced (public record, each with its link), the other six unsourced and labelled illustrative.
    expect(figures.stockpiles.illustrative).toBe(6);
    expect(figures.stockpiles.period.states.map((s) => s.nameEn).sort()).toEqual([
      "Albania",
      "Czech Republic",
      "Ecuador",
      "Peru",
      "Sweden",
      "Yemen",
    ]);
    expect(figures.stockpiles.period.states.every((s) => s.provenance === "public-record")).toBe(true);
    expect(figures.producers).toMatchObject({ before: 55, still: 14 });
    expect(figures.producers.likelyStopped.map((p) => p.iso2).sort()).toEqual(["EG", "KR", "US"]);
    expect(figures.producers.likelyStopped.every((p) => p.provenance === "source-document")).toBe(true);
    expect(figures.producers.illustrative).toBe(52);
    // The page shows the source document's own figures next to these: each computed figure equals its quoted one.
    expect({
      joined: figures.joined.count,
      completed: figures.stockpiles.count,
      completedInPeriod: figures.stockpiles.period.states.length,
      producersBefore: figures.producers.before,
      producersStill: figures.producers.still,
      likelyStopped: figures.producers.likelyStopped.length,
    }).toEqual({
      joined: figures.source.joined,
      completed: figures.source.completed,
      completedInPeriod: figures.source.completedInPeriod,
      producersBefore: figures.source.producersBefore,
      producersStill: figures.source.producersStill,
      likelyStopped: figures.source.likelyStopped,
    });
    // ...and says so itself, so the page lays out the verdict instead of recomputing it.
    expect([
      figures.joined.agreesWithSource,
      figures.stockpiles.agreesWithSource,
      figures.producers.agreesWithSource,
    ]).toEqual([true, true, true]);
  });

  it("gives the States Parties over time from the deposits (109, 122 and 130 at the end of 2000-2002)", async () => {
    const tracker = await (await officer()).treaty.tracker({ on: "2002-12-31" });
    const at = (date: string) => tracker.timeline.find((p) => p.date === date)?.joined;
    expect([at("1997-12-31"), at("2000-12-31"), at("2001-12-31"), at("2002-12-31")]).toEqual([3, 109, 122, 130]);
    // 58 deposits by the end of 1998 in the UN data (the guide's "55 (Dec 1998)" is not what the UN dates give).
    expect(at("1998-12-31")).toBe(58);
    expect(tracker.totals.joined).toBe(130);
    // In force at the end of 2002: the states that deposited by 2002-06-30 (Angola, 2002-07-05, from 2003-01-01).
    expect(tracker.timeline.find((p) => p.date === "2002-12-31")!.inForce).toBe(124);
    // The timeline runs to today whatever date the table is for.
    expect(tracker.timeline.at(-1)!.date).toBe(tracker.today);
  });

  it("lists every state that deposited, completed destruction or produced, with their names in both languages", async () => {
    const tracker = await (await officer()).treaty.tracker({});
    const china = tracker.states.find((s) => s.iso2 === "CN")!;
    expect(china).toMatchObject({ treaty: null, standing: "non-signatory", nameFr: "Chine" });
    expect(china.producer).toMatchObject({ stillProducing2002: true, provenance: "illustrative" });
    const sweden = tracker.states.find((s) => s.iso2 === "SE")!;
    expect(sweden.stockpile).toMatchObject({
      completedOn: "2001-12-01",
      precision: "month",
      provenance: "public-record",
    });
    expect(tracker.states.filter((s) => s.treaty !== null)).toHaveLength(166);
    expect(tracker.states.find((s) => s.iso2 === "FI")?.treaty?.withdrawalEffectiveOn).toBe("2026-01-10");
  });
});

describe("narrowing the tracker", () => {
  it("narrows to a standing and a search (names in the reader's language, accents aside, or an ISO code)", async () => {
    const web = await officer();
    const all = await web.treaty.tracker({ on: "2002-12-31" });
    const signatories = await web.treaty.tracker({ on: "2002-12-31", standing: "signatory" });
    expect(signatories.states.length).toBeGreaterThan(0);
    expect(signatories.states.map((s) => s.iso2).sort()).toEqual(
      all.states
        .filter((s) => s.standing === "signatory")
        .map((s) => s.iso2)
        .sort(),
    );
    // The totals count every state whatever the list shows.
    expect(signatories.totals).toEqual(all.totals);
    expect((await web.treaty.tracker({ q: "cote" })).states.map((s) => s.iso2)).toContain("CI");
    expect((await web.treaty.tracker({ q: " cn " })).states.map((s) => s.iso2)).toContain("CN");
    expect((await web.treaty.tracker({ q: "no such state" })).states).toEqual([]);
  });

  it("lists the states in the reader's alphabetical order, and searches the reader's names", async () => {
    const actor = await actorFor(db, "officer");
    const french = createWebCaller({ db, actor, locale: "fr" });
    const fr = await french.treaty.tracker({});
    const names = fr.states.map((s) => s.nameFr);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    const en = (await officer()).treaty.tracker({});
    expect((await en).states.map((s) => s.nameEn)).toEqual(
      (await en).states.map((s) => s.nameEn).sort((a, b) => a.localeCompare(b, "en")),
    );
    // "Allemagne" is Germany's name in French only.
    expect((await french.treaty.tracker({ q: "allemagne" })).states.map((s) => s.iso2)).toEqual(["DE"]);
    expect((await (await officer()).treaty.tracker({ q: "allemagne" })).states).toEqual([]);
  });

  it("says what each producer's status is: still producing in 2002, stopped, or likely stopped since", async () => {
    const tracker = await (await officer()).treaty.tracker({});
    const producers = tracker.states.flatMap((s) => (s.producer ? [s.producer] : []));
    expect(tracker.states.find((s) => s.iso2 === "CN")!.producer!.status).toBe("still");
    for (const p of producers) {
      expect(p.status).toBe(p.likelyStopped ? "likelyStopped" : p.stillProducing2002 ? "still" : "stopped");
    }
    expect(new Set(producers.map((p) => p.status))).toEqual(new Set(["still", "stopped", "likelyStopped"]));
  });

  it("refuses an unknown standing, naming the field", async () => {
    const error = await (await officer()).treaty.tracker({ standing: "ally" as "signatory" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as { message: string }).message).toContain("standing");
  });
});

describe("who may read the tracker", () => {
  it.each<[Persona, string]>([
    ["anonymous", "UNAUTHORIZED"],
    ["partnerMac", "FORBIDDEN"],
    ["officer", "OK"],
    ["admin", "OK"],
  ])("%s: %s", async (persona, expected) => {
    const { web } = await callers(db, persona);
    expect(await codeOf(web.treaty.tracker({}))).toBe(expected);
    expect(await codeOf(web.treaty.figures())).toBe(expected);
  });

  it("refuses a malformed date, naming the field", async () => {
    const error = await (await officer()).treaty.tracker({ on: "2002-02-30" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as { message: string }).message).toContain("on");
  });
});
