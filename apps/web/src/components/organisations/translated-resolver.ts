import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/** The API schemas' English messages for these forms, by their key under organisations.errors. */
const API_MESSAGE_KEYS: Readonly<Record<string, string>> = {
  "Choose the kind of partnership.": "kind",
  "Choose the kind of link.": "linkKind",
  "Not a valid identifier.": "organisation",
  "Choose an organisation from the list.": "organisation",
  "An organisation cannot be linked to itself.": "self",
  "Enter a date as YYYY-MM-DD.": "date",
};

/**
 * zodResolver over the API's own schema, with its messages shown in the reader's language (`translate` gets the key
 * under organisations.errors).
 */
export function translatedResolver<Values extends FieldValues, Output>(
  schema: z.ZodType<Output, Values>,
  translate: (key: string) => string,
): Resolver<Values, unknown, Output> {
  const resolve = zodResolver(schema);
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    for (const error of Object.values(result.errors) as ({ message?: unknown } | undefined)[]) {
      const key = typeof error?.message === "string" ? API_MESSAGE_KEYS[error.message] : undefined;
      if (error && key) error.message = translate(key);
    }
    return result;
  };
}
