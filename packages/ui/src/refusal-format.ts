import { formatMessageParams, type MessageParams } from "@portal/domain";

/** What a refusal carries across the wire: its code, and the sentence and parameters each language writes itself. */
export interface Refusal {
  code: string;
  key?: string | null;
  params?: MessageParams | null;
}

/** The part of a translator (next-intl's `useTranslations("errors")`, use-intl's `createTranslator`) refusals need. */
export interface ErrorTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * The one formatter of refusals, used by the API (for the response's message) and the browser (for toasts and form
 * errors): the specific sentence with its amounts, names and dates in the reader's language, else the code's
 * general sentence, else null (the caller then shows the server's own message).
 */
export function formatRefusal(t: ErrorTranslator, locale: string, refusal: Refusal): string | null {
  if (refusal.key && t.has(`reasons.${refusal.key}`)) {
    return t(`reasons.${refusal.key}`, formatMessageParams(refusal.params ?? {}, locale));
  }
  if (t.has(`codes.${refusal.code}`)) return t(`codes.${refusal.code}`);
  return null;
}
