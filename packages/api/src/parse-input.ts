import type { z } from "zod";
import { refusal } from "./errors";
import { inReaderLocale } from "./reader-locale";

/** The field a zod issue is about, as forms name it ("fundingLines.0.amount"); none for the input as a whole. */
export const fieldOfIssuePath = (path: readonly PropertyKey[]) => path.map(String).join(".") || undefined;

/**
 * A service's own parse of its input: the data, or a VALIDATION refusal at the first field at fault. The validators'
 * messages come from the catalogues in the reader's language; the schema is run once more in each language so the
 * refusal carries the sentence in both, like every other refusal.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // zod writes an issue's message when it is first read, so each language's is read inside its own run.
  const written = (locale: "en" | "fr") =>
    inReaderLocale(locale, () => schema.safeParse(input).error?.issues[0]?.message) ?? "";
  throw refusal(
    "VALIDATION",
    "invalidValue",
    { message: { en: written("en"), fr: written("fr") } },
    issue ? fieldOfIssuePath(issue.path) : undefined,
  );
}
