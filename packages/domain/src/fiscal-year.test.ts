import { describe, expect, it } from "vitest";
import {
  fiscalQuarterOf,
  fiscalYearBounds,
  fiscalYearLabel,
  fiscalYearOf,
  isIsoDate,
  parseFiscalYear,
  parseIsoDate,
} from "./fiscal-year";

describe("fiscalYearOf", () => {
  it.each([
    ["2001-03-31", 2000],
    ["2001-04-01", 2001],
    ["2001-12-31", 2001],
    ["2002-01-01", 2001],
    ["2002-03-31", 2001],
    ["2002-04-01", 2002],
    ["2000-02-29", 1999],
  ])("%s falls in FY %i", (date, year) => {
    expect(fiscalYearOf(date)).toBe(year);
  });

  it("agrees with fiscalYearBounds for every day of two fiscal years", () => {
    const day = new Date(Date.UTC(2000, 3, 1));
    while (day < new Date(Date.UTC(2002, 3, 1))) {
      const iso = day.toISOString().slice(0, 10);
      const { startsOn, endsOn } = fiscalYearBounds(fiscalYearOf(iso));
      expect(iso >= startsOn && iso <= endsOn, iso).toBe(true);
      day.setUTCDate(day.getUTCDate() + 1);
    }
  });
});

describe("fiscalQuarterOf", () => {
  it.each([
    ["2001-04-01", 1],
    ["2001-06-30", 1],
    ["2001-07-01", 2],
    ["2001-09-30", 2],
    ["2001-10-01", 3],
    ["2001-12-31", 3],
    ["2002-01-01", 4],
    ["2002-02-28", 4],
    ["2000-02-29", 4],
    ["2002-03-31", 4],
  ])("%s is in Q%i", (date, quarter) => {
    expect(fiscalQuarterOf(date)).toBe(quarter);
  });
});

describe("fiscal year labels and bounds", () => {
  it("labels a fiscal year by both calendar years", () => {
    expect(fiscalYearLabel(2001)).toBe("2001-2002");
    expect(fiscalYearLabel(1999)).toBe("1999-2000");
  });

  it("runs from 1 April to 31 March", () => {
    expect(fiscalYearBounds(2001)).toEqual({ startsOn: "2001-04-01", endsOn: "2002-03-31" });
  });

  it.each([
    ["2001-2002", 2001],
    ["2001", 2001],
    [" 1999-2000 ", 1999],
    ["2001-2003", null],
    ["2002-2001", null],
    ["01-02", null],
    ["FY2001", null],
    ["", null],
  ])("parseFiscalYear(%j) is %j", (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });
});

describe("ISO dates", () => {
  it("parses calendar dates", () => {
    expect(parseIsoDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
    expect(isIsoDate("1999-03-01")).toBe(true);
  });

  it.each([
    "2001-02-29",
    "1900-02-29",
    "2001-04-31",
    "2001-13-01",
    "2001-00-10",
    "2001-4-1",
    "2001-04-01T00:00:00Z",
    "",
  ])("rejects %j", (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => parseIsoDate(text)).toThrow(RangeError);
  });

  it("rejects dates that are not dates before computing a fiscal year", () => {
    expect(() => fiscalYearOf("2001-02-30")).toThrow(RangeError);
    expect(() => fiscalQuarterOf("not a date")).toThrow(RangeError);
  });
});
