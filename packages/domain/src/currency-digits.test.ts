import { code as currencyByCode, codes } from "currency-codes";
import { describe, expect, it } from "vitest";
import { CURRENCY_DIGITS } from "./currency-digits";

describe("CURRENCY_DIGITS", () => {
  it("lists exactly the codes of currency-codes, with the same minor-unit digits", () => {
    const expected = Object.fromEntries(codes().map((code) => [code, currencyByCode(code)!.digits]));
    expect(Object.fromEntries(CURRENCY_DIGITS)).toEqual(expected);
  });
});
