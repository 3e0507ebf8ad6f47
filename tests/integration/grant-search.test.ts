import type { Actor } from "@portal/api";
import { searchProbe } from "@portal/api/services";
import { type Database, grants, organisations } from "@portal/db";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callersAs } from "./support/actors";
import { seededTestDatabase } from "./support/db";

// The grant search asks the trigram index for the rarest piece of q (search-probe.ts) and looks for q itself in what
// it finds. Whatever piece is chosen, the rows must be exactly those of ILIKE '%q%', in the list's order.

let db: Database;
let drop: () => Promise<void>;
let admin: Actor;

/** References of the grants whose search document contains q, without the service. */
async function expected(q: string): Promise<string[]> {
  const rows = await db
    .select({ reference: grants.reference })
    .from(grants)
    .where(sql`${grants.searchText} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
    .orderBy(asc(grants.reference), asc(grants.id));
  return rows.map((row) => row.reference);
}

async function searched(q: string) {
  const result = await callersAs(db, admin).web.grants.list({ q, pageSize: 100 });
  return { references: result.rows.map((row) => row.reference), total: result.total };
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  admin = (await actorFor(db, "admin"))!;
  // Grants whose documents share common words and differ by a number, as a large portfolio's do.
  const [recipient] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  const [model] = await db.select().from(grants).limit(1);
  const { id: _id, searchText: _text, ...copy } = model!;
  await db.insert(grants).values(
    Array.from({ length: 150 }, (_, i) => ({
      ...copy,
      recipientId: recipient!.id,
      reference: `SEARCH-${String(i).padStart(4, "0")}`,
      titleEn: `Mine clearance in district ${i % 60}, phase ${i}`,
      titleFr: `Déminage du district ${i % 60}, phase ${i}`,
    })),
  );
  await db.execute(sql`analyze grants`);
});

afterAll(async () => {
  await drop();
});

describe("grant search through a piece of q", () => {
  it("looks up a rare piece of a search made of common words", async () => {
    const piece = await searchProbe(db, "district 42");
    expect(piece).not.toBeNull();
    expect("district 42").toContain(piece!);
    // Short or all-common searches go to the index whole.
    expect(await searchProbe(db, "42")).toBeNull();
  });

  it.each([
    "district 42",
    "District 4",
    "DÉMINAGE DU DISTRICT 5",
    "phase 1",
    "clearance in district 1",
    "ICBL",
    "Landmine Monitor",
    "50%_\\",
    "no grant has this text",
  ])("finds exactly the grants whose document contains %j", async (q) => {
    const want = await expected(q);
    const got = await searched(q);
    expect(got.total).toBe(want.length);
    expect(got.references).toEqual(want.slice(0, 100));
  });
});
