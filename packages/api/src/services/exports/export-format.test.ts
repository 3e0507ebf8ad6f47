import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream } from "./csv-stream";
import type { ExportTable } from "./export-format";

interface Row {
  title: string;
  amount: number;
}

async function csvOf(rows: Row[]): Promise<string[][]> {
  const table: ExportTable<Row> = {
    fileName: "t.csv",
    sheetName: "t",
    rowCount: rows.length,
    columns: [
      { key: "title", header: "Title", value: (r) => r.title },
      { key: "amount", header: "Amount", kind: "money", value: (r) => r.amount, currency: () => "CAD" },
    ],
    batches: async function* () {
      yield await Promise.resolve(rows);
    },
  };
  const text = await new Response(csvStream(table)).text();
  const records: string[][] = parse(text.replace(/^\uFEFF/, ""));
  return records;
}

describe("CSV exports and spreadsheet formulas", () => {
  it("gives every text cell that a spreadsheet would run a leading apostrophe (OWASP CSV injection)", async () => {
    const hostile = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"];
    const [, ...rows] = await csvOf(hostile.map((title) => ({ title, amount: 100 })));
    expect(rows.map((r) => r[0])).toEqual(hostile.map((title) => `'${title}`));
  });

  it("leaves ordinary text and the export's own amounts, negative ones included, as they are", async () => {
    const [, plain, reversal] = await csvOf([
      { title: "Landmine Monitor 2001", amount: 21_000_000 },
      { title: "Reversal (a-b)", amount: -4_080_300 },
    ]);
    expect(plain).toEqual(["Landmine Monitor 2001", "210000.00"]);
    expect(reversal).toEqual(["Reversal (a-b)", "-40803.00"]);
  });
});
