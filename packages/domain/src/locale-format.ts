import { fiscalYearLabel } from "./fiscal-year";
import { formatMoney } from "./money";
import { cityName } from "./places/city-names";

/**
 * The one place figures and names are written for a reader: money, calendar dates, fiscal quarters and places, in
 * English or French. Pages, e-mails and refusals all call these, so "T3" and "Varsovie, Pologne" read the same
 * everywhere.
 */
export type ReaderLocale = "en" | "fr";

const INTL_LOCALES: Record<ReaderLocale, string> = { en: "en-CA", fr: "fr-CA" };

export function intlLocaleOf(locale: string): string {
  return INTL_LOCALES[locale.startsWith("fr") ? "fr" : "en"];
}

/** An amount in minor units: en "$484,744.00", fr "484 744,00 $". */
export function formatAmount(amount: number, currency: string, locale: string): string {
  return formatMoney(amount, currency, intlLocaleOf(locale));
}

/**
 * A calendar date (YYYY-MM-DD, no time zone): en "Jun 14, 2001", fr "14 juin 2001". Noon UTC formatted in UTC, so no
 * time zone can move it to the day before. Text that is not a date is returned as it is.
 */
export function formatCalendarDate(iso: string, locale: string, style: "medium" | "long" = "medium"): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocaleOf(locale), { dateStyle: style, timeZone: "UTC" }).format(date);
}

/** A fiscal quarter: en "Q3 2001-2002", fr "T3 2001-2002" (trimestre). */
export function formatFiscalQuarter(fiscalYear: number, quarter: number, locale: string): string {
  const letter = locale.startsWith("fr") ? "T" : "Q";
  return `${letter}${quarter} ${fiscalYearLabel(fiscalYear)}`;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name from its ISO 3166 code, from the runtime's CLDR data (Intl.DisplayNames): PL -> "Pologne". */
export function countryName(code: string, locale: string): string {
  const intl = intlLocaleOf(locale);
  let names = regionNames.get(intl);
  if (!names) {
    names = new Intl.DisplayNames([intl], { type: "region", fallback: "code" });
    regionNames.set(intl, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A city and its country: en "Warsaw, Poland", fr "Varsovie, Pologne". */
export function formatPlace(place: { city: string; countryCode: string }, locale: string): string {
  return `${cityName(place.city, locale)}, ${countryName(place.countryCode, locale)}`;
}

export { cityName };

/**
 * A parameter of a message that each language writes its own way: amounts stay integer minor units, dates stay ISO,
 * a record's name travels in both languages; the reader's formatter turns them into text.
 */
export type MessageParam =
  string | number | { money: number; currency: string } | { date: string } | { en: string; fr: string };

export type MessageParams = Record<string, MessageParam>;

/** The ICU arguments for a message in the reader's language. */
export function formatMessageParams(params: MessageParams, locale: string): Record<string, string | number> {
  const fr = locale.startsWith("fr");
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (typeof value !== "object" || value === null) return [name, value];
      if ("money" in value) return [name, formatAmount(value.money, value.currency, locale)];
      if ("date" in value) return [name, formatCalendarDate(value.date, locale)];
      return [name, (fr ? value.fr : value.en) || value.en || value.fr];
    }),
  );
}

/** Shorthands for services building message parameters. */
export const param = {
  money: (amount: number, currency = "CAD"): MessageParam => ({ money: amount, currency }),
  date: (iso: string): MessageParam => ({ date: iso }),
  names: (en: string, fr: string | null | undefined): MessageParam => ({ en, fr: fr || en }),
};
