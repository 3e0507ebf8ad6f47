import { Readable } from "node:stream";
import {
  csvStream,
  decimalAmount,
  type ExportTable,
  exportResponse,
  GRANT_EXPORT_COLUMNS,
  grantListExport,
  moneyCell,
  PAYMENT_EXPORT_COLUMNS,
  paymentsExport,
  xlsxStream,
} from "@portal/api/services";
import { type Database, grants } from "@portal/db";
import type { ListGrantsInput } from "@portal/domain";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
const ownerByReference = new Map<string, string>();

/** RFC 4180 CSV, enough for these tests (quoted fields, doubled quotes, commas and newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const grantText = {
  locale: "en" as const,
  fileBase: "grants",
  sheetName: "Grants",
  headers: Object.fromEntries(GRANT_EXPORT_COLUMNS.map((c) => [c, c])) as Record<
    (typeof GRANT_EXPORT_COLUMNS)[number],
    string
  >,
  status: (s: string) => s,
};
const paymentText = {
  locale: "en" as const,
  fileBase: "payments",
  sheetName: "Payments",
  headers: Object.fromEntries(PAYMENT_EXPORT_COLUMNS.map((c) => [c, c])) as Record<
    (typeof PAYMENT_EXPORT_COLUMNS)[number],
    string
  >,
  kind: (k: string) => k,
  status: (s: string) => s,
};

async function grantCsv(persona: Persona, query: ListGrantsInput = {}) {
  const actor = (await actorFor(db, persona))!;
  const table = await grantListExport(db, actor, query, grantText, "csv");
  const rows = parseCsv((await text(csvStream(table))).replace(/^\uFEFF/, ""));
  const header = rows[0]!;
  return { table, header, rows: rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

async function xlsxRows(table: ExportTable<unknown>): Promise<unknown[][]> {
  const bytes = Buffer.from(await new Response(xlsxStream(table)).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  for (const g of await db.select().from(grants)) ownerByReference.set(g.reference, g.recipientId);
});
afterAll(() => drop());

describe("grant list exports honour the list's scope, filters and sort", () => {
  const table: { persona: Persona; org: () => string | null }[] = [
    { persona: "partnerIcbl", org: () => icbl },
    { persona: "partnerMac", org: () => mac },
    { persona: "officer", org: () => null },
    { persona: "admin", org: () => null },
  ];
  for (const row of table) {
    it(`${row.persona}: the CSV holds exactly the rows of the list, all pages`, async () => {
      const { web } = await callers(db, row.persona);
      const list = await web.grants.list({ pageSize: 200, sort: "amount", direction: "desc" });
      const csv = await grantCsv(row.persona, { sort: "amount", direction: "desc" });
      expect(csv.table.rowCount).toBe(list.total);
      expect(csv.rows.map((r) => r.reference)).toEqual(list.rows.map((g) => g.reference));
      if (row.org()) {
        // Positive control: the partner's list is not empty, so the loop below has rows to check.
        expect(csv.rows.length).toBeGreaterThan(0);
        for (const r of csv.rows) expect(ownerByReference.get(r.reference!)).toBe(row.org());
      }
    });
  }

  it("a partner's search for another organisation exports nothing of it", async () => {
    const exported: string[] = [];
    for (const q of ["Mines Action Canada", "ICBL", "Norwegian", "CLF"]) {
      const csv = await grantCsv("partnerIcbl", { q });
      exported.push(...csv.rows.map((r) => r.reference!));
      for (const r of csv.rows) expect(ownerByReference.get(r.reference!)).toBe(icbl);
      const other = await grantCsv("partnerIcbl", { recipientId: mac });
      expect(other.rows).toEqual([]);
    }
    // Positive control: the searches do find the partner's own grants.
    expect(exported).toContain("CLF-2001-ICBL");
  });

  it("exports ICBL's FY 2001-2002 grant with its figures as plain decimals", async () => {
    const csv = await grantCsv("officer", { recipientId: icbl, fiscalYear: "2001-2002" });
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0]).toMatchObject({
      reference: "CLF-2001-ICBL",
      recipientAcronym: "ICBL",
      programmes: "MAPP, MMP",
      fiscalYears: "2001-2002",
      currency: "CAD",
      amount: "484744.00",
    });
  });

  it("the XLSX has the same rows, with numbers as numbers", async () => {
    const actor = (await actorFor(db, "partnerMac"))!;
    const table = await grantListExport(db, actor, {}, grantText, "xlsx");
    const rows = await xlsxRows(table as ExportTable<unknown>);
    expect(rows[0]).toEqual([...GRANT_EXPORT_COLUMNS]);
    expect(rows.length - 1).toBe(table.rowCount);
    const references = rows.slice(1).map((r) => r[0] as string);
    for (const ref of references) expect(ownerByReference.get(ref)).toBe(mac);
    const mac2001 = rows.find((r) => r[0] === "CLF-2001-MAC")!;
    expect(mac2001[GRANT_EXPORT_COLUMNS.indexOf("amount")]).toBe(317400);
  });

  it("answers with download headers and the row count for progress", async () => {
    const actor = (await actorFor(db, "officer"))!;
    const table = await grantListExport(db, actor, {}, grantText, "csv");
    const response = exportResponse(table, "csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="grants-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("X-Export-Rows")).toBe(String(table.rowCount));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    await response.body!.cancel();
  });
});

describe("payment exports", () => {
  it.each<[Persona, () => string]>([
    ["partnerIcbl", () => icbl],
    ["partnerMac", () => mac],
  ])("%s: received and upcoming payments of their own grants only", async (persona, org) => {
    const actor = (await actorFor(db, persona))!;
    const table = await paymentsExport(db, actor, paymentText, "csv");
    const rows = parseCsv((await text(csvStream(table))).replace(/^\uFEFF/, ""));
    const header = rows[0]!;
    const body = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
    expect(body.length).toBe(table.rowCount);
    expect(body.some((r) => r.kind === "received")).toBe(true);
    for (const r of body) expect(ownerByReference.get(r.grantReference!)).toBe(org());
    const { web } = await callers(db, persona);
    const workspace = await web.dashboard.partner();
    expect(body.filter((r) => r.kind === "received")).toHaveLength(workspace.received.rows.length);
    expect(body.filter((r) => r.kind === "upcoming")).toHaveLength(workspace.upcoming.rows.length);
  });
});

describe("the export pieces stream", () => {
  it("pulls rows batch by batch as the reader reads, and stops when the reader cancels", async () => {
    let produced = 0;
    const table: ExportTable<{ n: number; label: string }> = {
      fileName: "big.csv",
      sheetName: "Big",
      rowCount: 100_000,
      columns: [
        { key: "n", header: "n", kind: "integer", value: (r) => r.n },
        { key: "label", header: "label", value: (r) => r.label },
      ],
      batches: async function* () {
        for (let start = 0; start < 100_000; start += 1000) {
          await Promise.resolve(); // as a database read would
          produced += 1000;
          yield Array.from({ length: 1000 }, (_, i) => ({ n: start + i, label: `row, "${start + i}"` }));
        }
      },
    };
    const reader = csvStream(table).getReader();
    const first = await reader.read(); // the header
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(first.value)).toBe("\uFEFFn,label\n");
    const second = await reader.read();
    expect(new TextDecoder().decode(second.value).split("\n")[0]).toBe('0,"row, ""0"""');
    expect(produced).toBeLessThanOrEqual(3000);
    await reader.cancel();
    expect(produced).toBeLessThanOrEqual(3000);
  });

  it("streams an XLSX of many rows that reads back whole", async () => {
    const table: ExportTable<{ n: number; amount: number }> = {
      fileName: "big.xlsx",
      sheetName: "Big",
      rowCount: 5000,
      columns: [
        { key: "n", header: "n", kind: "integer", value: (r) => r.n },
        { key: "amount", header: "amount", kind: "money", value: (r) => r.amount, currency: () => "CAD" },
      ],
      batches: async function* () {
        for (let start = 0; start < 5000; start += 500) {
          await Promise.resolve();
          yield Array.from({ length: 500 }, (_, i) => ({ n: start + i, amount: (start + i) * 100 + 1 }));
        }
      },
    };
    const rows = await xlsxRows(table as ExportTable<unknown>);
    expect(rows).toHaveLength(5001);
    expect(rows[4000]).toEqual([3999, 3999.01]);
  });

  it("a Node stream can consume it too", async () => {
    const table: ExportTable<{ a: string }> = {
      fileName: "t.csv",
      sheetName: "T",
      rowCount: 1,
      columns: [{ key: "a", header: "a", value: (r) => r.a }],
      batches: async function* () {
        await Promise.resolve();
        yield [{ a: "é" }];
      },
    };
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(csvStream(table) as never))
      chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).toString("utf8")).toBe("\uFEFFa\né\n");
  });
});

describe("CSV written by PostgreSQL (COPY)", () => {
  beforeAll(async () => {
    // Text a spreadsheet would run, quotes, commas and line breaks, and empty cells, in rows both partners export.
    const hostile = ['=HYPERLINK("https://evil.example","x")', "+1, +1", "-2\n+3", "@SUM(A1)", "\tTab", "\rReturn", ""];
    const icblGrants = await db
      .select({ id: grants.id })
      .from(grants)
      .where(sql`${grants.recipientId} = ${icbl}`);
    for (const [i, grant] of icblGrants.entries()) {
      const value = hostile[i % hostile.length]!;
      await db.execute(
        sql`update grants set title_en = ${value || '"quoted"'}, title_fr = ${value} where id = ${grant.id}`,
      );
    }
    // Each outstanding instalment gets one of the values in turn, so every value is exported (the officer's CSV).
    const values = sql`(array[${sql.join(
      hostile.map((v) => sql`${v}`),
      sql`, `,
    )}])[1 + (turn.n % ${hostile.length})]`;
    const updated = await db.execute(sql`update scheduled_payments s set description_en = ${values},
      description_fr = ${values} from (select id, row_number() over (order by due_on, id) as n from scheduled_payments
        where status in ('planned', 'due', 'approved', 'on_hold')) turn where turn.id = s.id returning s.id`);
    expect(updated.length).toBeGreaterThanOrEqual(hostile.length);
  });

  /** The table's CSV as the database writes it, and as the JavaScript formatter writes the same rows. */
  async function bothWays<Row>(table: ExportTable<Row>) {
    expect(table.csvRows).toBeDefined();
    const copied = await text(csvStream(table));
    const formatted = await text(csvStream({ ...table, csvRows: undefined }));
    return { copied, formatted };
  }

  it("writes amounts exactly as decimalAmount does, in every number of minor digits", async () => {
    const cases: [number, string][] = [];
    for (const amount of [0, 1, -5, 99, 100, -4_080_300, 48_474_400, 123_456_789_012_345, -9_007_199_254_740_991])
      for (const currency of ["CAD", "EUR", "JPY", "CLP", "KWD", "BHD", "CLF"]) cases.push([amount, currency]);
    for (const [amount, currency] of cases) {
      const [row] = await db.execute<{ cell: string }>(
        sql`select ${moneyCell(sql`${amount}::bigint`, sql`${currency}::text`)} as cell`,
      );
      expect(row!.cell, `${amount} ${currency}`).toBe(decimalAmount(amount, currency));
    }
  });

  it("the payments CSV is byte for byte what the JavaScript formatter writes, hostile text and words included", async () => {
    const words = { kind: (k: string) => `=${k}`, status: (s: string) => (s === "due" ? "" : `-${s}, "x"`) };
    for (const persona of ["partnerIcbl", "partnerMac", "officer"] as const)
      for (const locale of ["en", "fr"] as const) {
        const actor = (await actorFor(db, persona))!;
        const table = await paymentsExport(db, actor, { ...paymentText, ...words, locale }, "csv");
        const { copied, formatted } = await bothWays(table);
        expect(copied.split("\n").length, `${persona} ${locale}`).toBeGreaterThan(2);
        expect(copied, `${persona} ${locale}`).toBe(formatted);
      }
    // Positive control: the hostile text did reach the export, neutralised.
    const icblActor = (await actorFor(db, "partnerIcbl"))!;
    const icblCsv = await text(csvStream(await paymentsExport(db, icblActor, paymentText, "csv")));
    expect(icblCsv).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(icblCsv).toContain(`"'+1, +1"`);
  });

  it("the grant-list CSV is byte for byte what the JavaScript formatter writes, for every persona, language and sort", async () => {
    const words = { status: (s: string) => (s === "active" ? "" : `=${s}, "x"`) };
    const queries: ListGrantsInput[] = [
      {},
      { sort: "recipient", direction: "desc" },
      { sort: "fiscalYear", direction: "asc" },
      { sort: "amount", direction: "desc", q: "a" },
    ];
    for (const persona of ["partnerIcbl", "partnerMac", "officer", "admin"] as const)
      for (const locale of ["en", "fr"] as const)
        for (const query of queries) {
          const actor = (await actorFor(db, persona))!;
          const table = await grantListExport(db, actor, query, { ...grantText, ...words, locale }, "csv");
          const copied = await text(csvStream(table));
          const formatted = await text(csvStream({ ...table, csvRows: undefined }));
          const label = `${persona} ${locale} ${JSON.stringify(query)}`;
          expect(table.csvRows, label).toBeDefined();
          expect(copied, label).toBe(formatted);
        }
    // Positive control: the grants of the hostile titles above are in the export, neutralised.
    const officer = (await actorFor(db, "officer"))!;
    const csv = await text(csvStream(await grantListExport(db, officer, {}, grantText, "csv")));
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csv).toContain("MAPP, MMP");
  });
});
