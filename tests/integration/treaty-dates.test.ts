import { readFileSync } from "node:fs";
import { type Database, stockpileDestructions, treatyStatus } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";

// The universalisation figures at dates that tell the rules apart: the report's own date (30 November 2002) against
// the year's end, the report date itself, a withdrawal before and after it, an accession. The expected counts are
// computed here from the data files the seed reads, never copied from the service's constants; the tests that need a
// deposit or withdrawal the real data lacks (nobody deposited in December 2002) move one state's dates in this
// file's own database and put them back afterwards.

const REPORT_DATE = "2002-11-30";
const YEAR_END = "2002-12-31";

/** The data files have no quoted fields (checked), so a plain split reads them. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../packages/db/data/treaty/${file}`, import.meta.url), "utf8");
  expect(text).not.toContain('"');
  const [header, ...lines] = text.trim().split("\n");
  const columns = header!.split(",");
  return lines.map(
    (line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i]!, value])) as Record<string, string>,
  );
}

const deposits = readCsv("states-parties.csv");
const withdrawals = new Map(readCsv("withdrawals.csv").map((row) => [row.iso2!, row.effective!]));

/** States that had deposited by the date and whose withdrawal, if any, had not yet taken effect: from the files. */
function joinedInTheFiles(date: string): string[] {
  return deposits
    .filter((row) => row.deposited! <= date)
    .filter((row) => !(withdrawals.has(row.iso2!) && withdrawals.get(row.iso2!)! <= date))
    .map((row) => row.iso2!);
}

let db: Database;
let drop: () => Promise<void>;
const officer = async () => (await callers(db, "officer")).web;
const figures = async () => (await officer()).treaty.figures();
const tracker = async (on: string) => (await officer()).treaty.tracker({ on });

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

/** Changes one state's treaty row for a test; afterEach puts every changed row back as the seed wrote it. */
const changed: (typeof treatyStatus.$inferSelect)[] = [];
async function moveTreatyRow(iso2: string, change: Partial<typeof treatyStatus.$inferInsert>) {
  const [row] = await db.select().from(treatyStatus).where(eq(treatyStatus.iso2, iso2));
  if (!row) throw new Error(`no treaty row for ${iso2}`);
  changed.push(row);
  await db.update(treatyStatus).set(change).where(eq(treatyStatus.iso2, iso2));
}
afterEach(async () => {
  for (const row of changed.splice(0).reverse())
    await db.update(treatyStatus).set(row).where(eq(treatyStatus.iso2, row.iso2));
  await db.delete(stockpileDestructions).where(eq(stockpileDestructions.source, "treaty-dates test"));
});

/** The first state in the files whose deposit came after 2002: free to move into the dates a test needs. */
const laterDepositors = deposits.filter((row) => row.deposited! > "2003-01-01").map((row) => row.iso2!);

describe("joined by the report date, from the data files", () => {
  it("the figure is the files' count on 30 November 2002, and the source document's 130", async () => {
    const expected = joinedInTheFiles(REPORT_DATE);
    const result = await figures();
    expect(result.joined).toMatchObject({ by: REPORT_DATE, count: expected.length });
    // The data reproduces the document (both sides computed, neither typed in here).
    expect(result.joined.count).toBe(result.source.joined);
    expect((await tracker(REPORT_DATE)).totals.joined).toBe(expected.length);
  });

  it("counts an accession: the Central African Republic acceded on 8 November 2002", async () => {
    const car = deposits.find((row) => row.iso2 === "CF")!;
    expect(car).toMatchObject({ deposited: "2002-11-08", method: "accession" });
    expect(joinedInTheFiles(REPORT_DATE)).toContain("CF");
    const standing = async (on: string) => (await tracker(on)).states.find((s) => s.iso2 === "CF")!.standing;
    expect(await standing("2002-11-07")).toBe("non-signatory");
    expect(await standing(REPORT_DATE)).toBe("party-pending");
    // Art. 17: the first day of the sixth month after the month of deposit.
    expect(await standing("2003-04-30")).toBe("party-pending");
    expect(await standing("2003-05-01")).toBe("state-party");
    const accessions = deposits.filter((row) => row.method === "accession" && row.deposited! <= REPORT_DATE);
    expect(accessions.length).toBeGreaterThan(1);
    expect((await tracker(REPORT_DATE)).totals.joined).toBe(joinedInTheFiles(REPORT_DATE).length);
  });

  it("a deposit in December 2002 counts at the year's end but not in the November figure", async () => {
    const base = joinedInTheFiles(REPORT_DATE).length;
    const december = laterDepositors[0]!;
    await moveTreatyRow(december, { depositedOn: "2002-12-10", entryIntoForceOn: "2003-06-01" });
    expect((await figures()).joined.count).toBe(base);
    const atYearEnd = await tracker(YEAR_END);
    expect(atYearEnd.totals.joined).toBe(joinedInTheFiles(YEAR_END).length + 1);
    expect(atYearEnd.timeline.find((p) => p.date === YEAR_END)!.joined).toBe(base + 1);
    expect(atYearEnd.states.find((s) => s.iso2 === december)!.standing).toBe("party-pending");
    expect((await tracker(REPORT_DATE)).totals.joined).toBe(base);
  });

  it("a deposit on the report date itself counts", async () => {
    const base = joinedInTheFiles(REPORT_DATE).length;
    await moveTreatyRow(laterDepositors[1]!, { depositedOn: REPORT_DATE, entryIntoForceOn: "2003-05-01" });
    expect((await figures()).joined.count).toBe(base + 1);
    expect((await tracker("2002-11-29")).totals.joined).toBe(joinedInTheFiles("2002-11-29").length);
  });

  it("a withdrawal in effect by the report date takes the state off; one taking effect later does not", async () => {
    const base = joinedInTheFiles(REPORT_DATE).length;
    const [early, late] = joinedInTheFiles("2001-01-01");
    await moveTreatyRow(early!, { withdrawalNotifiedOn: "2002-04-01", withdrawalEffectiveOn: "2002-10-01" });
    await moveTreatyRow(late!, { withdrawalNotifiedOn: "2002-06-15", withdrawalEffectiveOn: "2002-12-15" });
    expect((await figures()).joined.count).toBe(base - 1);
    const standing = async (iso2: string, on: string) =>
      (await tracker(on)).states.find((s) => s.iso2 === iso2)!.standing;
    expect(await standing(early!, "2002-09-30")).toBe("state-party");
    expect(await standing(early!, "2002-10-01")).toBe("withdrawn");
    expect(await standing(late!, REPORT_DATE)).toBe("state-party");
    expect((await tracker(YEAR_END)).totals.joined).toBe(joinedInTheFiles(YEAR_END).length - 2);
  });

  it("the real 2025 withdrawals count from the day they take effect, from withdrawals.csv", async () => {
    expect(withdrawals.size).toBeGreaterThan(0);
    for (const [iso2, effective] of withdrawals) {
      const before = new Date(`${effective}T00:00:00Z`);
      before.setUTCDate(before.getUTCDate() - 1);
      const dayBefore = before.toISOString().slice(0, 10);
      const [on, after] = await Promise.all([tracker(dayBefore), tracker(effective)]);
      expect({ iso2, standing: on.states.find((s) => s.iso2 === iso2)!.standing }).toEqual({
        iso2,
        standing: "state-party",
      });
      expect({ iso2, standing: after.states.find((s) => s.iso2 === iso2)!.standing }).toEqual({
        iso2,
        standing: "withdrawn",
      });
      expect(after.totals.joined).toBe(joinedInTheFiles(effective).length);
    }
  });

  it("stockpiles: a completion in December 2002 is not among those reported by November", async () => {
    const before = await figures();
    const completed = new Set((await db.select().from(stockpileDestructions)).map((row) => row.iso2));
    await db.insert(stockpileDestructions).values({
      iso2: laterDepositors.find((iso2) => !completed.has(iso2))!,
      completedOn: "2002-12-15",
      precision: "day",
      source: "treaty-dates test",
      provenance: "illustrative",
    });
    expect((await figures()).stockpiles.count).toBe(before.stockpiles.count);
    await db
      .update(stockpileDestructions)
      .set({ completedOn: REPORT_DATE })
      .where(eq(stockpileDestructions.source, "treaty-dates test"));
    expect((await figures()).stockpiles.count).toBe(before.stockpiles.count + 1);
  });
});
