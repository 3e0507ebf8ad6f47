import { messages as en } from "./messages/en";
import { messages as fr } from "./messages/fr";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "portal-locale";

export type Messages = typeof en;
const catalogues: Record<Locale, Messages> = { en, fr };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The reader's language: their explicit choice (cookie) first, then the browser's preference, then English. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (cookieValue === "en" || cookieValue === "fr") return cookieValue;
  const preferred = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === "en" || code === "fr");
  return preferred ?? "en";
}
