import { describe, expect, it } from "vitest";
import {
  assertMinorUnits,
  convertToCad,
  formatMoney,
  isCurrencyCode,
  minorDigits,
  parseMoney,
  sumMinor,
} from "./money";

// Intl separates groups and the trailing symbol in fr-CA with U+00A0 NO-BREAK SPACE (fr-FR would use U+202F).
const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("formats the ICBL amount as the sources print it", () => {
    expect(formatMoney(48474400, "CAD", "en-CA")).toBe("$484,744.00");
    expect(formatMoney(48474400, "CAD", "fr-CA")).toBe(`484${NBSP}744,00${NBSP}$`);
  });

  it.each([
    [0, "en-CA", "$0.00"],
    [5, "en-CA", "$0.05"],
    [99, "en-CA", "$0.99"],
    [100, "en-CA", "$1.00"],
    [-5, "en-CA", "-$0.05"],
    [-48474400, "en-CA", "-$484,744.00"],
    [123456789012, "en-CA", "$1,234,567,890.12"],
    [5, "fr-CA", `0,05${NBSP}$`],
    [-5, "fr-CA", `-0,05${NBSP}$`],
    [123456, "fr-CA", `1${NBSP}234,56${NBSP}$`],
  ])("%i CAD cents in %s is %j", (amount, locale, text) => {
    expect(formatMoney(amount, "CAD", locale)).toBe(text);
  });

  it("never rounds: every cent is printed as stored", () => {
    for (const cents of [1, 49, 50, 51, 995, 999, 1005]) {
      expect(formatMoney(cents, "CAD", "en-CA")).toBe(
        `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      );
    }
  });

  it("follows the currency's minor digits", () => {
    expect(formatMoney(1234, "JPY", "en-CA")).toBe("JP¥1,234");
    expect(formatMoney(1234567, "KWD", "en-CA")).toBe(`KWD${NBSP}1,234.567`);
    expect(formatMoney(100, "USD", "en-CA")).toBe("US$1.00");
    expect(formatMoney(100, "EUR", "fr-CA")).toBe(`1,00${NBSP}€`);
  });

  it("refuses fractional, unsafe and unknown amounts", () => {
    expect(() => formatMoney(1.5, "CAD", "en-CA")).toThrow(RangeError);
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1, "CAD", "en-CA")).toThrow(RangeError);
    expect(() => formatMoney(100, "XXY", "en-CA")).toThrow(/Unknown currency/);
  });
});

describe("parseMoney", () => {
  it.each([
    ["484,744.00", "CAD", "en-CA", 48474400],
    ["$484,744.00", "CAD", "en-CA", 48474400],
    ["$1,000", "CAD", "en-CA", 100000],
    ["1000.5", "CAD", "en-CA", 100050],
    ["1000.", "CAD", "en-CA", 100000],
    ["0.05", "CAD", "en-CA", 5],
    ["-$5.00", "CAD", "en-CA", -500],
    ["  12.34  ", "CAD", "en-CA", 1234],
    ["484 744,00", "CAD", "fr-CA", 48474400],
    [`484${NBSP}744,00${NBSP}$`, "CAD", "fr-CA", 48474400],
    ["1.000,5", "EUR", "fr-CA", 100050],
    ["1 234", "JPY", "en-CA", 1234],
  ])("%j (%s, %s) is %i", (text, currency, locale, amount) => {
    expect(parseMoney(text, currency, locale)).toBe(amount);
  });

  it.each([
    ["", "CAD", "en-CA"],
    ["$", "CAD", "en-CA"],
    ["abc", "CAD", "en-CA"],
    ["12.345", "CAD", "en-CA"],
    ["1.5", "JPY", "en-CA"],
    ["1,2.3.4", "CAD", "en-CA"],
    ["1e5", "CAD", "en-CA"],
    ["12,345", "CAD", "fr-CA"],
  ])("rejects %j (%s, %s)", (text, currency, locale) => {
    expect(parseMoney(text, currency, locale)).toBeNull();
  });

  it("reads back whatever formatMoney prints", () => {
    const amounts = [0, 1, 5, 99, 100, 123456, 48474400, -48474400, 900719925474099];
    for (const locale of ["en-CA", "fr-CA"]) {
      for (const currency of ["CAD", "USD", "EUR", "JPY", "KWD"]) {
        for (const amount of amounts) {
          const text = formatMoney(amount, currency, locale);
          expect(parseMoney(text, currency, locale), `${text} (${currency}, ${locale})`).toBe(amount);
        }
      }
    }
  });
});

describe("convertToCad", () => {
  it("keeps CAD at a rate of 1", () => {
    expect(convertToCad(48474400, "CAD", "1")).toBe(48474400);
    expect(convertToCad(48474400, "CAD", "1.00000000")).toBe(48474400);
  });

  it("converts with the exact decimal rate", () => {
    expect(convertToCad(100, "USD", "1.5")).toBe(150);
    expect(convertToCad(1_000_000_00, "USD", "1.48650000")).toBe(1_486_500_00);
    expect(convertToCad(1000, "JPY", "0.0123")).toBe(1230);
    expect(convertToCad(1000, "KWD", "4.5")).toBe(450);
  });

  it("rounds half away from zero", () => {
    expect(convertToCad(1, "USD", "1.5")).toBe(2);
    expect(convertToCad(-1, "USD", "1.5")).toBe(-2);
    expect(convertToCad(1, "USD", "1.49999999")).toBe(1);
    expect(convertToCad(3, "USD", "0.5")).toBe(2);
    expect(convertToCad(-3, "USD", "0.5")).toBe(-2);
  });

  it("stays exact where floats would not", () => {
    // 0.1 * 3 is 0.30000000000000004 in floats.
    expect(convertToCad(3, "USD", "0.1")).toBe(0);
    expect(convertToCad(300, "USD", "0.1")).toBe(30);
    expect(convertToCad(900719925474099, "CAD", "1")).toBe(900719925474099);
  });

  it.each(["", "abc", "-1", "1e3", "1.123456789", ".5", "1,5"])("refuses the rate %j", (rate) => {
    expect(() => convertToCad(100, "USD", rate)).toThrow(RangeError);
  });

  it("refuses fractional amounts", () => {
    expect(() => convertToCad(1.5, "USD", "1")).toThrow(RangeError);
  });
});

describe("currencies and sums", () => {
  it("knows each currency's minor digits", () => {
    expect(minorDigits("CAD")).toBe(2);
    expect(minorDigits("cad")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(() => minorDigits("ZZZ")).toThrow(RangeError);
  });

  it("accepts only upper-case ISO 4217 codes", () => {
    expect(isCurrencyCode("CAD")).toBe(true);
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("cad")).toBe(false);
    expect(isCurrencyCode("ZZZ")).toBe(false);
    expect(isCurrencyCode("CADD")).toBe(false);
  });

  it("sums minor units and refuses unsafe totals", () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([27474400, 21000000])).toBe(48474400);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => assertMinorUnits(0.1)).toThrow(RangeError);
  });
});
