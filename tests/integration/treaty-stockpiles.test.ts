import { readFileSync } from "node:fs";
import { type Database, stockpileDestructions } from "@portal/db";
import { seed } from "@portal/db/seed";
import { parse } from "csv-parse/sync";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDatabase } from "./support/db";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

/** The research notes' 27 sourced completions, read here independently of the seed's reader. */
const SHIPPED = parse<{ iso2: string; completed: string; source: string }>(
  readFileSync(new URL("../../packages/db/data/treaty/stockpile-destruction-2002.csv", import.meta.url), "utf8"),
  { columns: true, skip_empty_lines: true },
);

const completions = () => db.select().from(stockpileDestructions).orderBy(asc(stockpileDestructions.iso2));

describe("stockpile completions: 27 sourced, the remainder of the 33 unsourced", () => {
  it("seeds every sourced row with its date, precision and link, and marks the other six illustrative", async () => {
    const rows = await completions();
    expect(SHIPPED).toHaveLength(27);
    expect(rows).toHaveLength(33);
    for (const shipped of SHIPPED) {
      const row = rows.find((r) => r.iso2 === shipped.iso2);
      const precision = shipped.completed.length === 10 ? "day" : shipped.completed.length === 7 ? "month" : "year";
      expect(row, shipped.iso2).toMatchObject({ provenance: "public-record", source: shipped.source, precision });
      expect(row!.completedOn.startsWith(shipped.completed), shipped.iso2).toBe(true);
    }
    const unsourced = rows.filter((r) => r.provenance === "illustrative");
    expect(unsourced.map((r) => r.iso2)).toEqual(["HR", "IT", "NI", "NL", "PH", "ZA"]);
    expect(unsourced.every((r) => r.source === null && r.completedOn < "2001-05-01")).toBe(true);
    // Norway's sourced completion (October 1996) precedes its deposit, and is kept as the source gives it.
    expect(rows.find((r) => r.iso2 === "NO")).toMatchObject({ completedOn: "1996-10-01", precision: "month" });
  });

  it("brings a database seeded from the older, mostly illustrative list up to date, then writes nothing", async () => {
    // The older seed had Austria as an illustrative 1999-12 completion and North Macedonia among its placeholders.
    await db
      .update(stockpileDestructions)
      .set({ completedOn: "1999-12-01", precision: "month", source: null, provenance: "illustrative" })
      .where(eq(stockpileDestructions.iso2, "AT"));
    await db
      .insert(stockpileDestructions)
      .values({ iso2: "MK", completedOn: "2000-02-01", precision: "month", source: null, provenance: "illustrative" });
    // A completion an officer entered is never touched by the seed.
    await db
      .insert(stockpileDestructions)
      .values({ iso2: "JP", completedOn: "2003-02-08", precision: "day", source: null, provenance: "entered" });

    const first = await seed(db);
    expect(first.written.stockpile_destructions).toBe(2);
    const rows = await completions();
    expect(rows.find((r) => r.iso2 === "AT")).toMatchObject({
      completedOn: "1996-01-01",
      precision: "year",
      provenance: "public-record",
    });
    expect(rows.find((r) => r.iso2 === "MK")).toBeUndefined();
    expect(rows.find((r) => r.iso2 === "JP")).toMatchObject({ provenance: "entered" });
    expect(rows.filter((r) => r.completedOn <= "2002-11-30")).toHaveLength(33);

    const second = await seed(db);
    expect(second.written.stockpile_destructions).toBe(0);
  });
});
