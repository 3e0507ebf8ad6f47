import { formatMessageParams, type MessageParams } from "@portal/domain";
import { type Locale, type Messages, messagesFor } from "@portal/ui/i18n";
import { createTranslator } from "use-intl/core";

/** A finding's sentence in the `iati.findings` catalogue. */
export type IatiFindingKey = keyof Messages["iati"]["findings"];

/**
 * What stands in the way of publishing a record, worded for the officer who has to fix it: a catalogue sentence and
 * its parameters, written in both languages when the finding is made (like a refusal), and for schema findings the
 * validator's own words (libxml2's English) as technical detail.
 */
export interface IatiProblem {
  rule: "percentages" | "dates" | "future-transaction" | "currency" | "schema";
  key: IatiFindingKey;
  params: MessageParams;
  message: Record<Locale, string>;
  detail?: string;
}

type Translator = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, Translator>();

function findingsIn(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: messagesFor(locale),
      namespace: "iati.findings",
    }) as unknown as Translator;
    translators.set(locale, t);
  }
  return t;
}

/** A finding with its sentence in each language. */
export function iatiFinding(
  rule: IatiProblem["rule"],
  key: IatiFindingKey,
  params: MessageParams = {},
  detail?: string,
): IatiProblem {
  const message = (locale: Locale) => findingsIn(locale)(key, formatMessageParams(params, locale));
  return { rule, key, params, message: { en: message("en"), fr: message("fr") }, ...(detail ? { detail } : {}) };
}
