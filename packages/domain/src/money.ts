import { CURRENCY_DIGITS } from "./currency-digits";

/**
 * Money is an integer number of minor units (cents) plus an ISO 4217 code. Never a float: amounts are parsed from
 * text digit by digit and formatted with Intl.NumberFormat from the integer.
 */
export interface Money {
  amount: number;
  currency: string;
}

export function minorDigits(currency: string): number {
  const digits = CURRENCY_DIGITS.get(currency.toUpperCase());
  if (digits === undefined) throw new RangeError(`Unknown currency: ${currency}`);
  return digits;
}

/**
 * The ISO 4217 codes grouped by how many minor-unit digits they have (0: JPY, 2: CAD, 3: KWD...): what SQL that
 * writes amounts as decimals needs, as minorDigits gives it one currency at a time.
 */
export function currencyCodesByDigits(): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const [code, digits] of CURRENCY_DIGITS) {
    const group = groups.get(digits);
    if (group) group.push(code);
    else groups.set(digits, [code]);
  }
  return groups;
}

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCY_DIGITS.has(value);
}

export function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount must be a whole number of minor units: ${amount}`);
}

/** Formats minor units in a locale: formatMoney(48474400, "CAD", "en-CA") === "$484,744.00". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  assertMinorUnits(amount);
  const digits = minorDigits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Nothing to split: formatting whole+0.5 below would round a zero-decimal amount up (JPY 1234 -> "¥1,235").
  if (digits === 0) return formatter.format(amount);
  // Split into whole and fractional parts as integers so no float rounding can creep in, then let Intl place them.
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit);
  const fraction = abs % unit;
  const text = formatter
    .formatToParts(negative ? -whole - 0.5 : whole + 0.5)
    .map((part) => (part.type === "fraction" ? String(fraction).padStart(digits, "0") : part.value))
    .join("");
  return text;
}

/** The symbols a locale writes for a currency, longest first so "US$" goes before "$". */
function currencySymbols(currency: string, locale: string): string[] {
  const symbols = new Set<string>();
  for (const currencyDisplay of ["symbol", "narrowSymbol", "code"] as const) {
    const parts = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay }).formatToParts(1);
    const symbol = parts.find((part) => part.type === "currency")?.value;
    if (symbol) symbols.add(symbol);
  }
  return [...symbols].sort((a, b) => b.length - a.length);
}

/**
 * Parses what a person typed ("484,744.00", "484 744,00", "$1,000", "1000.5") into minor units, given the locale's
 * decimal separator. Returns null when the text is not an amount or has more decimals than the currency allows.
 */
export function parseMoney(text: string, currency: string, locale: string): number | null {
  const digits = minorDigits(currency);
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  // The locale's own symbol first ("US$", "JP¥" in en-CA), so that what formatMoney prints parses back.
  let cleaned = currencySymbols(currency, locale).reduce((rest, symbol) => rest.split(symbol).join(""), text);
  cleaned = cleaned.replace(/[\s\u00a0\u202f$€£]|CAD|CHF|USD|EUR/gi, "");
  if (cleaned === "") return null;
  const negative = cleaned.startsWith("-");
  if (negative) cleaned = cleaned.slice(1);
  const groupChars = decimal === "," ? /[.']/g : /[,']/g;
  cleaned = cleaned.replace(groupChars, "");
  if (decimal === ",") cleaned = cleaned.replace(",", ".");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/** Converts an amount to CAD at a decimal rate given as text (as stored in numeric columns), rounding half away from zero. */
export function convertToCad(amount: number, currency: string, rateToCad: string): number {
  assertMinorUnits(amount);
  const match = /^(\d+)(?:\.(\d{1,8}))?$/.exec(rateToCad);
  if (!match) throw new RangeError(`Not an exchange rate: ${rateToCad}`);
  const scale = 10n ** 8n;
  const rate = BigInt(match[1] ?? "0") * scale + BigInt((match[2] ?? "").padEnd(8, "0"));
  const fromDigits = BigInt(minorDigits(currency));
  const toDigits = 2n;
  const numerator = BigInt(amount) * rate * 10n ** toDigits;
  const denominator = scale * 10n ** fromDigits;
  const sign = numerator < 0n ? -1n : 1n;
  const abs = numerator * sign;
  return Number(sign * ((abs + denominator / 2n) / denominator));
}

export function sumMinor(amounts: readonly number[]): number {
  const total = amounts.reduce((acc, value) => acc + value, 0);
  assertMinorUnits(total);
  return total;
}

/** An amount as a person would type it back into a form: no symbol, no grouping, the locale's decimal mark. */
export function formatAmountInput(amount: number, currency: string, locale: string): string {
  assertMinorUnits(amount);
  const digits = minorDigits(currency);
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  const abs = Math.abs(amount);
  const unit = 10 ** digits;
  const whole = String(Math.floor(abs / unit));
  const fraction = digits > 0 ? `${decimal}${String(abs % unit).padStart(digits, "0")}` : "";
  return `${amount < 0 ? "-" : ""}${whole}${fraction}`;
}
