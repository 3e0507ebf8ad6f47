import { z } from "zod";

/**
 * Characters no text field accepts: C0 and C1 controls (NUL among them, which PostgreSQL cannot store), DEL, and
 * lone UTF-16 surrogates (not text at all). Multi-line fields keep tab and line breaks; single-line fields do not.
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the control characters from this text.";

/** The longest search text any list accepts. */
export const MAX_SEARCH_LENGTH = 200;

function bounded(max: number, label: string | undefined, forbidden: RegExp) {
  return z
    .string({ error: label ? `Enter ${label}.` : "Enter some text." })
    .max(max, { error: label ? `Keep ${label} under ${max} characters.` : `Keep it under ${max} characters.` })
    .refine((value) => !forbidden.test(value), { error: CONTROL_CHARACTERS_MESSAGE })
    .trim();
}

/** One line of text (a name, a title, a reference), trimmed; empty allowed. */
export const singleLine = (max: number, label?: string) => bounded(max, label, SINGLE_LINE_FORBIDDEN);

/** Text that may span lines (a description, a report), trimmed; empty allowed. */
export const multiLine = (max: number, label?: string) => bounded(max, label, MULTI_LINE_FORBIDDEN);

/** A line of text that must not be empty once trimmed. */
export const requiredLine = (max: number, label: string) => singleLine(max, label).min(1, { error: `Enter ${label}.` });

/** Multi-line text that must not be empty once trimmed. */
export const requiredText = (max: number, label: string) => multiLine(max, label).min(1, { error: `Enter ${label}.` });

/** Optional multi-line text: absent means empty. */
export const optionalText = (max: number, label?: string) => multiLine(max, label).default("");

/** Optional single-line text: absent means empty. */
export const optionalLine = (max: number, label?: string) => singleLine(max, label).default("");

/** "" and null both mean "none" for optional text typed in a form. */
export const nullableLine = (max: number, label?: string) =>
  singleLine(max, label)
    .nullish()
    .transform((value) => (value ? value : null));

/** What a person types in a list's search box. */
export const searchText = singleLine(MAX_SEARCH_LENGTH, "the search").optional();

/** The longest e-mail address SMTP allows (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;

/** An e-mail address, lower-cased (accounts and invitations are keyed by it). */
export const emailAddress = z
  .string({ error: "Enter an email address such as name@example.org." })
  .max(MAX_EMAIL_LENGTH, { error: "Enter an email address such as name@example.org." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as name@example.org." }));

export const MAX_URL_LENGTH = 2000;

/** A web address people can open: http or https, a real host name, bounded. */
export const webUrl = z
  .string({ error: "Enter a web address starting with https://." })
  .max(MAX_URL_LENGTH, { error: `Keep the web address under ${MAX_URL_LENGTH} characters.` })
  .trim()
  .pipe(
    z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter a web address starting with https://." }),
  );
