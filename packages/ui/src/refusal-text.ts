import { createTranslator } from "use-intl/core";
import { type Locale, messagesFor } from "./i18n";
import type { messages as en } from "./messages/en";
import { type ErrorTranslator, formatRefusal, type Refusal } from "./refusal-format";

export type { Refusal } from "./refusal-format";

/** A sentence of the `errors.reasons` catalogue. */
export type RefusalKey = keyof (typeof en)["errors"]["reasons"];

const translators = new Map<Locale, ErrorTranslator>();

/** The `errors` catalogue of a language as a translator, for code that runs outside React (the API). */
export function errorTranslator(locale: Locale): ErrorTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: messagesFor(locale), namespace: "errors" }) as unknown as ErrorTranslator;
    translators.set(locale, t);
  }
  return t;
}

/** A refusal's sentence in a language, from the catalogues. */
export function refusalText(locale: Locale, refusal: Refusal): string | null {
  return formatRefusal(errorTranslator(locale), locale, refusal);
}
