import { grants, organisations, type Database } from "@portal/db";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";

let db: Database;
let drop: () => Promise<void>;
let icblGrantId: string;
let macGrantId: string;
let icblId: string;
let macId: string;

async function orgId(slug: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

async function grantOf(recipientId: string, total: number) {
  const [row] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.recipientId, recipientId), eq(grants.totalAmount, total)));
  if (!row) throw new Error(`no grant of ${total} cents`);
  return row.id;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icblId = await orgId("icbl");
  macId = await orgId("mac");
  icblGrantId = await grantOf(icblId, 48_474_400);
  macGrantId = await grantOf(macId, 31_740_000);
});
afterAll(() => drop());

describe("grant visibility by persona", () => {
  const table: {
    persona: Persona;
    list: "all" | "icbl" | "mac" | "UNAUTHORIZED";
    icblGrant: string;
    macGrant: string;
  }[] = [
    { persona: "anonymous", list: "UNAUTHORIZED", icblGrant: "UNAUTHORIZED", macGrant: "UNAUTHORIZED" },
    { persona: "partnerIcbl", list: "icbl", icblGrant: "OK", macGrant: "NOT_FOUND" },
    { persona: "partnerMac", list: "mac", icblGrant: "NOT_FOUND", macGrant: "OK" },
    { persona: "officer", list: "all", icblGrant: "OK", macGrant: "OK" },
    { persona: "admin", list: "all", icblGrant: "OK", macGrant: "OK" },
  ];

  for (const row of table) {
    it(`${row.persona}: list ${row.list}, ICBL grant ${row.icblGrant}, MAC grant ${row.macGrant}`, async () => {
      const { web } = await callers(db, row.persona);
      expect(await codeOf(web.grants.byId({ id: icblGrantId }))).toBe(row.icblGrant);
      expect(await codeOf(web.grants.byId({ id: macGrantId }))).toBe(row.macGrant);
      if (row.list === "UNAUTHORIZED") {
        expect(await codeOf(web.grants.list({}))).toBe("UNAUTHORIZED");
        return;
      }
      const result = await web.grants.list({ pageSize: 200 });
      const recipients = new Set(result.rows.map((g) => g.recipient.id));
      const count = await db.$count(grants);
      if (row.list === "all") {
        expect(result.total).toBe(count);
        expect(recipients.has(icblId) && recipients.has(macId)).toBe(true);
      } else {
        expect(result.total).toBeGreaterThan(0);
        expect([...recipients]).toEqual([row.list === "icbl" ? icblId : macId]);
      }
    });
  }

  it("the list offers a new grant to officers, who may create one, and not to partners", async () => {
    for (const [persona, create] of [
      ["officer", true],
      ["partnerIcbl", false],
      ["partnerMac", false],
    ] as const) {
      const { web } = await callers(db, persona);
      expect({ persona, create: (await web.grants.list({})).permissions.create }).toEqual({ persona, create });
    }
  });

  it("a partner's search for another organisation's grant finds nothing", async () => {
    const { web } = await callers(db, "partnerMac");
    const result = await web.grants.list({ q: "ICBL" });
    expect(result.rows.every((g) => g.recipient.id === macId)).toBe(true);
    expect(result.rows.some((g) => g.recipient.id === icblId)).toBe(false);
    // Positive control: the same search finds ICBL's grants for an officer, and MAC's own for its partner.
    const officerResult = await (await callers(db, "officer")).web.grants.list({ q: "ICBL" });
    expect(officerResult.rows.some((g) => g.recipient.id === icblId)).toBe(true);
    expect((await web.grants.list({ q: "CLF" })).rows.map((g) => g.reference)).toContain("CLF-2001-MAC");
  });

  it("a malformed id is a bad request naming the field, not a server error", async () => {
    const { web } = await callers(db, "officer");
    const error = await web.grants.byId({ id: "not-a-uuid" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("id");
  });
});

describe("the admin router", () => {
  it.each<[Persona, string]>([
    ["anonymous", "UNAUTHORIZED"],
    ["partnerIcbl", "FORBIDDEN"],
    ["partnerMac", "FORBIDDEN"],
    ["officer", "FORBIDDEN"],
    ["admin", "OK"],
  ])("budgets.overview for %s: %s", async (persona, expected) => {
    const { admin } = await callers(db, persona);
    expect(await codeOf(admin.budgets.overview({ fiscalYear: "2001-2002" }))).toBe(expected);
  });
});

describe("the source document's figures, through the API", () => {
  it("ICBL received $484,744 in FY 2001-2002 through MAPP and MMP, $210,000 of it for the Landmine Monitor", async () => {
    const { web } = await callers(db, "officer");
    const list = await web.grants.list({ recipientId: icblId, fiscalYear: "2001-2002" });
    expect(list.rows.map((g) => g.totalAmount)).toEqual([48_474_400]);
    expect(list.rows[0]!.programmes.map((p) => p.code).sort()).toEqual(["MAPP", "MMP"]);
    const grant = await web.grants.byId({ id: list.rows[0]!.id });
    expect(grant.components.map((c) => c.amount)).toContain(21_000_000);
    expect(grant.components.reduce((sum, c) => sum + c.amount, 0)).toBe(48_474_400);
    expect(grant.fundingLines.reduce((sum, l) => sum + l.amount, 0)).toBe(48_474_400);
    expect(grant.provenance).toBe("source-document");
  });

  it("Mines Action Canada received $317,400 in FY 2001-2002", async () => {
    const { web } = await callers(db, "officer");
    const list = await web.grants.list({ recipientId: macId, fiscalYear: "2001-2002" });
    expect(list.rows.map((g) => g.totalAmount)).toEqual([31_740_000]);
  });

  it("the FY 2001-2002 budget agrees with the ledger and includes ICBL, MAC and Warsaw", async () => {
    const { admin } = await callers(db, "admin");
    const overview = await admin.budgets.overview({ fiscalYear: 2001 });
    const codes = overview.lines.map((l) => l.programme.code);
    expect(codes).toEqual(expect.arrayContaining(["MAPP", "MMP"]));
    for (const line of overview.lines) {
      expect(line.available).toBe(line.allocated - line.committed);
      expect(line.disbursed).toBeLessThanOrEqual(line.committed);
    }
    // allocation_ledger recomputes each figure from the facts (funding lines, grant status, disbursements, conference
    // costs) with the one definition of "committed" in the migrations; the overview reads the running totals.
    const ledger = await db.execute<{ allocation_id: string; committed: string; disbursed: string }>(
      sql`select l.* from allocation_ledger l join allocations a on a.id = l.allocation_id where a.fiscal_year = 2001`,
    );
    expect(ledger.length).toBe(overview.lines.length);
    for (const row of ledger) {
      const line = overview.lines.find((l) => l.allocationId === row.allocation_id)!;
      expect({ committed: line.committed, disbursed: line.disbursed }).toEqual({
        committed: Number(row.committed),
        disbursed: Number(row.disbursed),
      });
    }
    const total = overview.lines.reduce((sum, l) => sum + l.committed, 0);
    expect(total).toBeGreaterThanOrEqual(48_474_400 + 31_740_000 + 4_080_300);
  });
});
