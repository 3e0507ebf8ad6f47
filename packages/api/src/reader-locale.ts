import { AsyncLocalStorage } from "node:async_hooks";
import { setValidationWriter } from "@portal/domain";
import { type Locale, messagesFor } from "@portal/ui/i18n";
import type { ErrorTranslator } from "@portal/ui/refusal-format";
import { validationWriter } from "@portal/ui/validation-writer";
import { createTranslator } from "use-intl/core";

/**
 * The language of the request being served, for what is written deep inside a call without a context at hand: zod's
 * messages while tRPC parses the input, a service's own `safeParse`. Outside a request, English.
 */
const readerLocale = new AsyncLocalStorage<Locale>();

export function inReaderLocale<T>(locale: Locale, run: () => T): T {
  return readerLocale.run(locale, run);
}

const writers = Object.fromEntries(
  (["en", "fr"] as const).map((locale) => [
    locale,
    validationWriter(
      createTranslator({
        locale,
        messages: messagesFor(locale),
        namespace: "validation",
      }) as unknown as ErrorTranslator,
    ),
  ]),
) as Record<Locale, ReturnType<typeof validationWriter>>;

setValidationWriter((key, params) => writers[readerLocale.getStore() ?? "en"](key, params));
