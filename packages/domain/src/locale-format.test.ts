import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatCalendarDate,
  formatFiscalQuarter,
  formatMessageParams,
  formatPlace,
} from "./locale-format";

const spaces = (text: string) => text.replace(/\s/g, " ");

describe("the locale formatter", () => {
  it("writes places from data: French city names where French has one, countries from CLDR", () => {
    expect(formatPlace({ city: "Warsaw", countryCode: "PL" }, "fr")).toBe("Varsovie, Pologne");
    expect(formatPlace({ city: "Warsaw", countryCode: "PL" }, "en")).toBe("Warsaw, Poland");
    expect(formatPlace({ city: "Mexico City", countryCode: "MX" }, "fr")).toBe("Mexico, Mexique");
    expect(formatPlace({ city: "Bamako", countryCode: "ML" }, "fr")).toBe("Bamako, Mali");
  });

  it("writes fiscal quarters Q in English and T (trimestre) in French", () => {
    expect(formatFiscalQuarter(2001, 3, "en")).toBe("Q3 2001-2002");
    expect(formatFiscalQuarter(2001, 3, "fr")).toBe("T3 2001-2002");
  });

  it("writes money and calendar dates per locale without moving the day", () => {
    expect(formatAmount(6_000_000, "CAD", "en")).toBe("$60,000.00");
    expect(spaces(formatAmount(6_000_000, "CAD", "fr"))).toBe("60 000,00 $");
    expect(formatCalendarDate("2002-01-15", "en")).toBe("Jan 15, 2002");
    expect(formatCalendarDate("2002-01-15", "fr")).toBe("15 janv. 2002");
  });

  it("turns message parameters into each language's text", () => {
    const params = { amount: { money: 99_999_900, currency: "CAD" }, name: { en: "Poland", fr: "Pologne" }, n: 3 };
    expect(formatMessageParams(params, "en")).toEqual({ amount: "$999,999.00", name: "Poland", n: 3 });
    const fr = formatMessageParams(params, "fr");
    expect(spaces(String(fr.amount))).toBe("999 999,00 $");
    expect(fr.name).toBe("Pologne");
  });
});
