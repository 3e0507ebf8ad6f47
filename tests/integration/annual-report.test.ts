import type { Database } from "@portal/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualReportPdf, reportMoney } from "@portal/api/services";
import { createTranslator } from "next-intl";
import { messages as en } from "../../packages/ui/src/messages/en";
import { messages as fr } from "../../packages/ui/src/messages/fr";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf } from "./support/ledger-fixtures";
import { pdfText } from "./support/pdf-text";

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

const report = async () => (await callers(db, "officer")).web.annualReport.byFiscalYear({ fiscalYear: 2001 });

describe("the annual report for FY 2001-2002 states the founding document's figures, from the data", () => {
  it("uses the document's three periods by default", async () => {
    expect((await report()).periods).toMatchObject({
      fiscalYear: 2001,
      fiscalYearLabel: "2001-2002",
      reportDate: "2002-11-30",
      monitorFrom: "2001-05-01",
      monitorTo: "2002-07-31",
    });
  });

  it("universalisation: 130 by November 2002 with Angola and Afghanistan; six destructions, total 33; producers 55 to 14", async () => {
    const { universalisation: u } = await report();
    expect(u.joined.count).toBe(130);
    expect(u.additions.map((a) => a.nameEn)).toEqual(expect.arrayContaining(["Angola", "Afghanistan"]));
    expect(u.stockpiles.period.states.map((s) => s.nameEn).sort()).toEqual([
      "Albania",
      "Czech Republic",
      "Ecuador",
      "Peru",
      "Sweden",
      "Yemen",
    ]);
    expect(u.stockpiles.count).toBe(33);
    expect(u.stockpiles.illustrative).toBe(6);
    expect([u.producers.before, u.producers.still]).toEqual([55, 14]);
    expect(u.producers.likelyStopped.map((p) => p.iso2).sort()).toEqual(["EG", "KR", "US"]);
  });

  it("partnerships: ICBL $484,744 through MAPP and MMP incl. $210,000 for the Landmine Monitor; MAC $317,400", async () => {
    const { partnerships } = await report();
    const icbl = partnerships.find((p) => p.acronym === "ICBL")!;
    expect(icbl.total).toBe(48_474_400);
    expect(reportMoney(icbl.total, "CAD", "en")).toBe("$484,744");
    expect(reportMoney(icbl.total, "CAD", "fr")).toBe("484 744 $");
    expect(icbl.programmes.map((p) => p.code).sort()).toEqual(["MAPP", "MMP"]);
    expect(icbl.components.find((c) => c.titleEn.includes("Landmine Monitor"))?.amount).toBe(21_000_000);
    expect(partnerships.find((p) => p.acronym === "MAC")?.total).toBe(31_740_000);
  });

  it("regional conferences: Warsaw, 14-15 June 2001, co-hosted by Poland and Canada, $40,803", async () => {
    const warsaw = (await report()).conferences.find((c) => c.city === "Warsaw")!;
    expect(warsaw).toMatchObject({ startsOn: "2001-06-14", endsOn: "2001-06-15", funding: 4_080_300 });
    expect(warsaw.coHosts.map((h) => h.nameEn).sort()).toEqual(["Canada", "Poland"]);
    expect(warsaw.themes.length).toBeGreaterThan(0);
  });

  it("takes other periods as parameters, and refuses a period that ends before it starts", async () => {
    const web = (await callers(db, "officer")).web;
    const earlier = await web.annualReport.byFiscalYear({ fiscalYear: 2001, reportDate: "2001-12-31" });
    expect(earlier.universalisation.joined.count).toBe(122);
    expect(
      await codeOf(
        web.annualReport.byFiscalYear({ fiscalYear: 2001, monitorFrom: "2002-07-31", monitorTo: "2001-05-01" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await codeOf((await callers(db, "partnerMac")).web.annualReport.byFiscalYear({ fiscalYear: 2001 }))).toBe(
      "FORBIDDEN",
    );
  });

  it("the PDF carries the figures in English and in French", async () => {
    const data = await report();
    for (const [locale, expected] of [
      ["en", ["130", "33", "$484,744", "$210,000", "$317,400", "$40,803", "Warsaw"]],
      ["fr", ["130", "33", "484 744 $", "210 000 $", "317 400 $", "40 803 $", "Pologne", "Afghanistan"]],
    ] as const) {
      const t = createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "annualReport" });
      const pdf = await annualReportPdf(data, locale, (key, values) => t(key as never, values as never));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = pdfText(pdf);
      for (const figure of expected) expect(text, `${locale}: ${figure}`).toContain(figure);
    }
  });
});
