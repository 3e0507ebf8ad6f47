"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { type ErrorTranslator, formatRefusal } from "./refusal-format";
import { type RefusalMessage, refusalOf } from "./server-errors";

/**
 * The browser's formatter of refusals: the catalogue sentence in the page's language, with the amounts, names and
 * dates the server sent as parameters; a refusal without a sentence of its own shows the server's message.
 */
export function useRefusalMessage(): RefusalMessage {
  const t = useTranslations("errors") as unknown as ErrorTranslator;
  const locale = useLocale();
  return useCallback(
    (error: unknown, fallback: string) => {
      const refusal = refusalOf(error);
      if (!refusal) return fallback;
      const written =
        refusal.code && refusal.key
          ? formatRefusal(t, locale, { code: refusal.code, key: refusal.key, params: refusal.params })
          : null;
      return written ?? (refusal.message || fallback);
    },
    [t, locale],
  );
}
