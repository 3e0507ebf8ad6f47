import {
  cappedCount,
  COUNT_CAP,
  countFigure,
  csvStream,
  grantListExport,
  grantListWhere,
  officerDashboard,
  paymentsExport,
  selectGrantListBatch,
  selectGrantListRows,
  grantListOrder,
  type GrantListKey,
} from "@portal/api/services";
import type { Actor } from "@portal/api";
import { type Database } from "@portal/db";
import { GRANT_SORTS, SORT_DIRECTIONS } from "@portal/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../bench/scale-data";
import { actorFor, callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";

/**
 * The reads that page in SQL, on the seed plus the bench's 10k-disbursement portfolio (every list longer than a page,
 * more payments than an export batch): each shows its first rows, counts and sums everything, and exports walk every
 * row exactly once in order.
 */
let db: Database;
let drop: () => Promise<void>;
let officer: Actor;
let partner: Actor;
const TODAY = "2026-12-01";

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  await generateScaleData(db, 10_000);
  officer = (await actorFor(db, "officer"))!;
  partner = (await actorFor(db, "partnerMac"))!;
}, 120_000);
afterAll(() => drop());

const count = async (query: ReturnType<typeof sql>) => Number((await db.execute<{ n: string }>(query))[0]!.n);

/** The data lines of a CSV export (no cell here holds a line break), each split into its cells. */
async function drainRows(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  const text = await new Response(stream).text();
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n")
    .slice(1);
  return lines.map((line) =>
    [...line.replace(/\r$/, "").matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
      .map((m) => m[1]!)
      .slice(0, -1)
      .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell)),
  );
}

describe("officer dashboard", () => {
  it("shows the first 50 rows of each list and counts them all", async () => {
    const dashboard = await officerDashboard(db, officer, TODAY);
    const expected = {
      payments: await count(sql`select count(*) as n from scheduled_payments where status in ('due', 'approved')`),
      overdue: await count(sql`select count(*) as n from reporting_requirements
        where status in ('open', 'changes_requested') and due_on < ${TODAY}`),
      review: await count(sql`select count(*) as n from reporting_requirements
        where status in ('submitted', 'resubmitted')`),
    };
    expect(expected.payments).toBeGreaterThan(50);
    expect(dashboard.payments.total).toBe(expected.payments);
    expect(dashboard.overdueReports.total).toBe(expected.overdue);
    expect(dashboard.reportsToReview.total).toBe(expected.review);
    expect(dashboard.payments.rows).toHaveLength(50);
    expect(dashboard.overdueReports.rows).toHaveLength(50);
    expect(dashboard.overdueReports.rows.every((r) => r.overdue)).toBe(true);
    // The soonest first: no payment left out is due before the last one shown.
    const lastShown = dashboard.payments.rows.at(-1)!.dueOn;
    const earlierHidden = await count(sql`select count(*) as n from scheduled_payments
      where status in ('due', 'approved') and due_on < ${lastShown}`);
    expect(earlierHidden).toBeLessThan(50);
  });
});

describe("capped counts", () => {
  it("count exactly up to the cap, then stop and say 'at least'", async () => {
    const counted = async (n: number) =>
      Number((await db.execute<{ n: number }>(sql`select ${cappedCount(sql`generate_series(1, ${n}) g`)} as n`))[0]!.n);
    expect(countFigure(await counted(COUNT_CAP))).toEqual({ total: COUNT_CAP, atLeast: false });
    expect(await counted(COUNT_CAP * 5)).toBe(COUNT_CAP + 1);
    expect(countFigure(await counted(COUNT_CAP * 5))).toEqual({ total: COUNT_CAP, atLeast: true });
    expect(countFigure(await counted(7))).toEqual({ total: 7, atLeast: false });
  });
});

describe("paid by quarter (allocation_quarter_totals, kept by triggers)", () => {
  const disagreements = () =>
    count(sql`select count(*) as n from (
      select fl.allocation_id, d.fiscal_year, d.fiscal_quarter, sum(d.amount_cad) as amount_cad
      from disbursements d join funding_lines fl on fl.id = d.funding_line_id group by 1, 2, 3) facts
      full join allocation_quarter_totals t using (allocation_id, fiscal_year, fiscal_quarter)
      where facts.amount_cad is distinct from t.amount_cad`);

  it("agrees with the disbursements after a bulk load of payments and reversals", async () => {
    expect(await count(sql`select count(*) as n from allocation_quarter_totals`)).toBeGreaterThan(20);
    expect(await disagreements()).toBe(0);
  });

  it("follows a funding line moved to another allocation of its fiscal year (both are recomputed)", async () => {
    const [line] = await db.execute<{ id: string; other: string }>(sql`
      select fl.id, (select a.id from allocations a join allocations al on al.id = fl.allocation_id
        where a.id <> fl.allocation_id and a.fiscal_year = al.fiscal_year
          and not exists (select 1 from funding_lines o where o.grant_id = fl.grant_id and o.allocation_id = a.id)
        limit 1) as other
      from funding_lines fl where fl.disbursed > 0 limit 1`);
    expect(line?.other).toBeTruthy();
    // Moved inside a transaction that is rolled back, so the other tests keep the generated portfolio.
    const movedDisagreements = await db
      .transaction(async (tx) => {
        await tx.execute(sql`update funding_lines set allocation_id = ${line!.other} where id = ${line!.id}`);
        const [row] = await tx.execute<{ n: string }>(sql`select count(*) as n from (
            select fl.allocation_id, d.fiscal_year, d.fiscal_quarter, sum(d.amount_cad) as amount_cad
            from disbursements d join funding_lines fl on fl.id = d.funding_line_id group by 1, 2, 3) facts
            full join allocation_quarter_totals t using (allocation_id, fiscal_year, fiscal_quarter)
            where facts.amount_cad is distinct from t.amount_cad`);
        throw new MovedCount(Number(row!.n));
      })
      .catch((error: unknown) => {
        if (error instanceof MovedCount) return error.n;
        throw error;
      });
    expect(movedDisagreements).toBe(0);
    expect(await disagreements()).toBe(0);
  });
});

/** Carries a figure out of a transaction that must not commit. */
class MovedCount extends Error {
  constructor(readonly n: number) {
    super("rolled back on purpose");
  }
}

describe("partner workspace", () => {
  it("lists the newest payments and sums and counts all of them in the database", async () => {
    const { web } = await callers(db, "partnerMac");
    const workspace = await web.dashboard.partner();
    const scoped = sql`from disbursements d join grants g on g.id = d.grant_id
      where g.recipient_id in (select organisation_id from memberships where user_id = ${partner.userId})
        and g.status <> 'draft'`;
    const received = await count(sql`select count(*) as n ${scoped}`);
    const receivedCad = await count(sql`select sum(d.amount) as n ${scoped} and d.currency = 'CAD'`);
    expect(received).toBeGreaterThan(50);
    expect(workspace.received.total).toBe(received);
    expect(workspace.received.rows).toHaveLength(workspace.limit);
    expect(workspace.received.totals.find((t) => t.currency === "CAD")?.amount).toBe(receivedCad);
    const newestHidden = await count(sql`select count(*) as n ${scoped}
      and d.paid_on > ${workspace.received.rows.at(-1)!.paidOn}`);
    expect(newestHidden).toBeLessThan(workspace.limit);
    expect(workspace.grantCount).toBe(
      await count(sql`select count(*) as n from grants g
        where g.recipient_id in (select organisation_id from memberships where user_id = ${partner.userId})
          and g.status <> 'draft'`),
    );
    expect(workspace.grants.length).toBe(Math.min(workspace.grantCount, workspace.limit));
  });
});

describe("grant-list search (one trigram-indexed document per grant)", () => {
  const search = async (q: string) => {
    const { web } = await callers(db, "officer");
    return (await web.grants.list({ q, pageSize: 100 })).rows.map((row) => row.reference).sort();
  };
  const matching = async (condition: ReturnType<typeof sql>) =>
    (
      await db.execute<{ reference: string }>(sql`select g.reference from grants g
        join organisations o on o.id = g.recipient_id where ${condition} order by 1`)
    ).map((row) => row.reference);

  it("finds a grant by reference, either title or its recipient's names and acronym, case aside", async () => {
    expect(await search("DISTRICT 42,")).toEqual(await matching(sql`g.title_en ilike '%district 42,%'`));
    expect(await search("déminage du district 42,")).toEqual(await matching(sql`g.title_fr ilike '%district 42,%'`));
    const [mac] = await db.execute<{ acronym: string; name: string }>(
      sql`select acronym, legal_name_fr as name from organisations where acronym = 'MAC'`,
    );
    const ofMac = await matching(sql`o.acronym = 'MAC'`);
    expect(ofMac.length).toBeGreaterThan(0);
    expect(ofMac.length).toBeLessThan(100); // one page holds them all
    expect((await search(mac!.name.toUpperCase())).filter((r) => ofMac.includes(r))).toEqual(ofMac);
    expect((await search("mac")).filter((r) => ofMac.includes(r))).toEqual(ofMac);
  });

  it("never matches across two fields, and follows a renamed recipient", async () => {
    // "…, phase 7" ends the English title and "Déminage" starts the French one: the two are on separate lines.
    expect(await matching(sql`g.title_en ilike '%, phase 7'`)).not.toEqual([]);
    expect(await search("phase 7 Déminage")).toEqual([]);
    const [org] = await db.execute<{ id: string; name: string }>(
      sql`select id, legal_name_en as name from organisations where acronym = 'MAC'`,
    );
    const rename = (name: string) =>
      db.execute(sql`update organisations set legal_name_en = ${name} where id = ${org!.id}`);
    await rename("Quillwort Clearance Trust");
    try {
      const renamed = await search("quillwort clearance");
      expect(renamed.length).toBeGreaterThan(0);
      expect(renamed).toEqual(await matching(sql`o.id = ${org!.id}`));
      // The old name is found only where another field still carries it.
      const oldName = `%${org!.name}%`;
      expect(await search(org!.name)).toEqual(
        await matching(sql`(g.reference ilike ${oldName} or g.title_en ilike ${oldName} or g.title_fr ilike ${oldName}
          or o.legal_name_en ilike ${oldName} or o.legal_name_fr ilike ${oldName} or o.acronym ilike ${oldName})`),
      );
    } finally {
      await rename(org!.name);
    }
  });
});

describe("grant-list filter options", () => {
  it("offer exactly the programmes, years, recipients and countries of the grants each actor sees", async () => {
    for (const persona of ["officer", "partnerMac"] as const) {
      const { web, actor } = await callers(db, persona);
      const options = await web.dashboard.grantListOptions();
      const scope =
        persona === "officer"
          ? sql`true`
          : sql`g.recipient_id in (select organisation_id from memberships where user_id = ${actor!.userId})`;
      const distinct = async (query: ReturnType<typeof sql>) =>
        (await db.execute<{ v: string }>(query)).map((r) => String(r.v)).sort();
      expect(options.programmes.map((p) => p.code).sort()).toEqual(
        await distinct(sql`select distinct p.code as v from grants g join funding_lines fl on fl.grant_id = g.id
          join allocations a on a.id = fl.allocation_id join programmes p on p.id = a.programme_id where ${scope}`),
      );
      expect(options.fiscalYears.map(String).sort()).toEqual(
        await distinct(sql`select distinct a.fiscal_year as v from grants g join funding_lines fl on fl.grant_id = g.id
          join allocations a on a.id = fl.allocation_id where ${scope}`),
      );
      expect(options.recipients.map((r) => r.id).sort()).toEqual(
        await distinct(sql`select distinct g.recipient_id as v from grants g where ${scope}`),
      );
      expect(options.countries.map((c) => c.code).sort()).toEqual(
        await distinct(sql`select distinct o.country_code as v from grants g
          join organisations o on o.id = g.recipient_id where ${scope} and o.country_code is not null`),
      );
    }
  });
});

describe("grant-list rows' funding (read in the row's own statement)", () => {
  it("gives each row its programmes by code and its fiscal years, once each, for pages and batches alike", async () => {
    const expected = new Map<string, { programmes: string[]; fiscalYears: number[] }>();
    for (const line of await db.execute<{ grant_id: string; code: string; fiscal_year: number }>(
      sql`select fl.grant_id, p.code, a.fiscal_year from funding_lines fl
          join allocations a on a.id = fl.allocation_id join programmes p on p.id = a.programme_id`,
    )) {
      const entry = expected.get(line.grant_id) ?? { programmes: [], fiscalYears: [] };
      if (!entry.programmes.includes(line.code)) entry.programmes.push(line.code);
      if (!entry.fiscalYears.includes(line.fiscal_year)) entry.fiscalYears.push(line.fiscal_year);
      expected.set(line.grant_id, entry);
    }
    const funded = (id: string) => {
      const entry = expected.get(id) ?? { programmes: [], fiscalYears: [] };
      return { programmes: entry.programmes.sort(), fiscalYears: entry.fiscalYears.sort((a, b) => a - b) };
    };
    const where = grantListWhere(officer, {});
    const page = await selectGrantListRows(
      db,
      where,
      grantListOrder({ sort: "reference", direction: "asc" }),
      10_000,
      0,
    );
    const batch = await selectGrantListBatch(db, where, { sort: "reference", direction: "asc" }, null, 10_000);
    expect(page.some((row) => row.programmes.length > 1)).toBe(true);
    expect(page.some((row) => row.fiscalYears.length > 1)).toBe(true);
    expect(page.some((row) => row.programmes.length === 0)).toBe(true);
    for (const rows of [page, batch]) {
      expect(rows.length).toBe(await count(sql`select count(*) as n from grants where ${where}`));
      for (const row of rows) {
        expect({ programmes: row.programmes.map((p) => p.code), fiscalYears: row.fiscalYears }, row.reference).toEqual(
          funded(row.id),
        );
        for (const programme of row.programmes) {
          expect(Object.keys(programme).sort()).toEqual(["code", "nameEn", "nameFr"]);
          expect(programme.nameFr.length).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe("keyset exports", () => {
  it("grant-list batches follow the page order exactly, for every sort both ways", async () => {
    const where = grantListWhere(officer, {});
    for (const sort of GRANT_SORTS) {
      for (const direction of SORT_DIRECTIONS) {
        const all = await selectGrantListRows(db, where, grantListOrder({ sort, direction }), 10_000, 0);
        const walked: string[] = [];
        let after: GrantListKey | null = null;
        for (;;) {
          const batch = await selectGrantListBatch(db, where, { sort, direction }, after, 37);
          walked.push(...batch.map((row) => row.id));
          if (batch.length < 37) break;
          after = { sortKey: batch.at(-1)!.sortKey, id: batch.at(-1)!.id };
        }
        expect(walked, `${sort} ${direction}`).toEqual(all.map((row) => row.id));
      }
    }
  });

  it("the grant-list CSV has every grant once", async () => {
    const table = await grantListExport(
      db,
      officer,
      { sort: "fiscalYear", direction: "desc" },
      { locale: "en", fileBase: "g", sheetName: "G", headers: {} as never, status: (s) => s },
      "csv",
    );
    const lines = await drainRows(csvStream(table));
    const total = await count(sql`select count(*) as n from grants`);
    expect(table.rowCount).toBe(total);
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((cells) => cells[0])).size).toBe(total);
    // Written by PostgreSQL, byte for byte as the JavaScript formatter writes it, grants of several years included.
    const formatted = await drainRows(csvStream({ ...table, csvRows: undefined }));
    expect(lines).toEqual(formatted);
    expect(lines.some((cells) => cells[6]!.includes(", "))).toBe(true);
  });

  it("the payments CSV has every disbursement once, newest first, across many batches", async () => {
    const table = await paymentsExport(
      db,
      officer,
      {
        locale: "en",
        fileBase: "p",
        sheetName: "P",
        headers: {} as never,
        kind: (k) => k,
        status: (s) => s,
      },
      "csv",
    );
    const lines = await drainRows(csvStream(table));
    // kind, date, grant reference, grant title, description (the payment's reference), status, currency, amount
    const received = lines.filter((cells) => cells[0] === "received");
    const disbursed = await count(
      sql`select count(*) as n from disbursements d join grants g on g.id = d.grant_id where g.status <> 'draft'`,
    );
    expect(disbursed).toBeGreaterThan(4000); // more than two batches
    expect(lines).toHaveLength(table.rowCount);
    expect(received).toHaveLength(disbursed);
    // grant reference + payment reference identify a disbursement here: none repeated, none missing
    expect(new Set(received.map((cells) => `${cells[2]}|${cells[4]}`)).size).toBe(disbursed);
    const dates = received.map((cells) => cells[1]!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("the payments CSV is one snapshot: an instalment scheduled while it streams is not in it", async () => {
    const table = await paymentsExport(
      db,
      officer,
      { locale: "en", fileBase: "p", sheetName: "P", headers: {} as never, kind: (k) => k, status: (s) => s },
      "csv",
    );
    const reader = csvStream(table).getReader();
    const decoder = new TextDecoder();
    let text = "";
    // The header, then the first batch of received payments: the snapshot is open from here on.
    for (let chunk = 0; chunk < 2; chunk++) text += decoder.decode((await reader.read()).value);
    // A grant the officer sees, so the probe would be exported if the export read the database as it is now.
    const { web } = await callers(db, "officer");
    const [visible] = (await web.grants.list({ status: "active", pageSize: 1 })).rows;
    const [grant] = await db.execute<{ id: string; sequence: number }>(
      sql`select ${visible!.id}::uuid as id, coalesce(max(sequence), 0) + 1 as sequence
        from scheduled_payments where grant_id = ${visible!.id}`,
    );
    await db.execute(sql`insert into scheduled_payments (grant_id, sequence, description_en, description_fr, due_on, amount)
      values (${grant!.id}, ${grant!.sequence}, 'Snapshot probe', 'Sonde', '2030-01-01', 100)`);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      expect(text.split("\n").length - 2).toBe(table.rowCount); // header and final newline aside
      expect(text).not.toContain("Snapshot probe");
    } finally {
      await db.execute(sql`delete from scheduled_payments where description_en = 'Snapshot probe'`);
    }
  });

  it("a reader that stops mid-export cancels the COPY, and every connection of the pool is clean after", async () => {
    const text = { locale: "en" as const, fileBase: "p", sheetName: "P", headers: {} as never };
    for (let attempt = 0; attempt < 3; attempt++) {
      const table = await paymentsExport(db, officer, { ...text, kind: (k) => k, status: (s) => s }, "csv");
      const reader = csvStream(table).getReader();
      await reader.read(); // the header
      await reader.read(); // the first rows: the COPY is running (a megabyte is still to come)
      await reader.cancel();
    }
    // No connection was handed on mid-COPY or mid-snapshot: each answers at once, outside any transaction.
    const states = await Promise.all(
      Array.from({ length: 12 }, () =>
        db.execute<{ open: boolean }>(sql`select now() <> statement_timestamp() as open`),
      ),
    );
    for (const [row] of states) expect(row!.open).toBe(false);
    const [busy] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`);
    expect(busy!.n).toBe(0);
    // And a whole export still reads to the end on the same pool.
    const table = await paymentsExport(db, officer, { ...text, kind: (k) => k, status: (s) => s }, "csv");
    expect(await drainRows(csvStream(table))).toHaveLength(table.rowCount);
  });
});
