import { type Database, grants } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { allocationIdOf, freshAllocation, grantInput, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

/**
 * Foreign keys whose columns do not lead any valid index of their table. Without one, every delete of (or key change
 * on) a referenced row scans the referencing table, and every join from parent to children does too (at 1M
 * disbursements, funding_line_ledger took 196 s for want of disbursements(funding_line_id)).
 */
async function foreignKeysWithoutIndex(): Promise<string[]> {
  const rows = await db.execute<{ constraint: string }>(sql`
    select format('%s.%s (%s)', c.conrelid::regclass, c.conname,
                  (select string_agg(a.attname, ', ' order by k.ord) from unnest(c.conkey) with ordinality k(attnum, ord)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)) as constraint
    from pg_constraint c
    join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
    where c.contype = 'f'
      and not exists (
        select 1 from pg_index i
        where i.indrelid = c.conrelid and i.indisvalid
          -- the index's first columns are exactly the key's columns, in any order
          and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
          and c.conkey @> (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)])
    order by 1`);
  return rows.map((row) => row.constraint);
}

describe("indexes", () => {
  it("every foreign key has an index led by its columns", async () => {
    expect(await foreignKeysWithoutIndex()).toEqual([]);
  });

  it("the check finds a foreign key left without an index (positive control)", async () => {
    await db.execute(sql`create table fk_probe (id int primary key, grant_id uuid references grants(id))`);
    try {
      expect(await foreignKeysWithoutIndex()).toEqual(["fk_probe.fk_probe_grant_id_fkey (grant_id)"]);
      await db.execute(sql`create index fk_probe_grant_idx on fk_probe (grant_id, id)`);
      expect(await foreignKeysWithoutIndex()).toEqual([]);
    } finally {
      await db.execute(sql`drop table fk_probe`);
    }
  });

  it("grant search and the fiscal-year sort use their indexes", async () => {
    await db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = async (query: ReturnType<typeof sql>) =>
        (await db.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`)).map((r) => r["QUERY PLAN"]).join("\n");
      expect(await plan(sql`select id from grants where title_en ilike '%landmine%'`)).toContain(
        "grants_title_en_trgm_idx",
      );
      expect(await plan(sql`select id from grants order by first_fiscal_year, id limit 25`)).toContain(
        "grants_first_fiscal_year_idx",
      );
    } finally {
      await db.execute(sql`reset enable_seqscan`);
    }
  });
});

describe("a grant's stored first fiscal year", () => {
  const firstYear = async (id: string) =>
    (await db.select({ year: grants.firstFiscalYear }).from(grants).where(eq(grants.id, id)))[0]?.year;

  it("follows its funding lines as they are written, replaced and removed", async () => {
    const { web } = await callers(db, "officer");
    const icbl = await organisationIdOf(db, "icbl");
    const later = await freshAllocation(db, 50_000_000, 2003);
    const earlier = await allocationIdOf(db, "MAPP", 2001);
    const grant = await web.grants.create(grantInput(icbl, [later]));
    expect(await firstYear(grant.id)).toBe(2003);

    await db.execute(
      sql`insert into funding_lines (grant_id, allocation_id, amount) values (${grant.id}, ${earlier}, 1)`,
    );
    expect(await firstYear(grant.id)).toBe(2001);
    await db.execute(sql`delete from funding_lines where grant_id = ${grant.id} and allocation_id = ${earlier}`);
    expect(await firstYear(grant.id)).toBe(2003);
    await db.execute(sql`delete from funding_lines where grant_id = ${grant.id}`);
    expect(await firstYear(grant.id)).toBeNull();
  });

  it("agrees with the funding lines for every seeded grant", async () => {
    const rows = await db.execute<{ reference: string }>(sql`
      select g.reference from grants g
      where g.first_fiscal_year is distinct from (
        select min(a.fiscal_year) from funding_lines fl join allocations a on a.id = fl.allocation_id
        where fl.grant_id = g.id)`);
    expect(rows).toEqual([]);
  });
});
