import { z } from "zod";
import { msg } from "./messages";

/**
 * Characters no text field accepts: C0 and C1 controls (NUL among them, which PostgreSQL cannot store), DEL, and
 * lone UTF-16 surrogates (not text at all). Multi-line fields keep tab and line breaks; single-line fields do not.
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** The longest search text any list accepts. */
export const MAX_SEARCH_LENGTH = 200;

function bounded(max: number, label: string | undefined, forbidden: RegExp) {
  return z
    .string(label ? msg("enterField", { label }) : msg("enterText"))
    .max(max, label ? msg("fieldTooLong", { label, max }) : msg("textTooLong", { max }))
    .refine((value) => !forbidden.test(value), msg("removeTheControlCharactersFromThisText"))
    .trim();
}

/** One line of text (a name, a title, a reference), trimmed; empty allowed. */
export const singleLine = (max: number, label?: string) => bounded(max, label, SINGLE_LINE_FORBIDDEN);

/** Text that may span lines (a description, a report), trimmed; empty allowed. */
export const multiLine = (max: number, label?: string) => bounded(max, label, MULTI_LINE_FORBIDDEN);

/** A line of text that must not be empty once trimmed. */
export const requiredLine = (max: number, label: string) => singleLine(max, label).min(1, msg("enterField", { label }));

/** Multi-line text that must not be empty once trimmed. */
export const requiredText = (max: number, label: string) => multiLine(max, label).min(1, msg("enterField", { label }));

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
  .string({ ...msg("enterAnEmailAddressSuchAsName") })
  .max(MAX_EMAIL_LENGTH, { ...msg("enterAnEmailAddressSuchAsName") })
  .trim()
  .toLowerCase()
  .pipe(z.email({ ...msg("enterAnEmailAddressSuchAsName") }));

export const MAX_URL_LENGTH = 2000;

/** A web address people can open: http or https, a real host name, bounded. */
export const webUrl = z
  .string({ ...msg("enterAWebAddressStartingWithHttps") })
  .max(MAX_URL_LENGTH, msg("urlTooLong", { max: MAX_URL_LENGTH }))
  .trim()
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, ...msg("enterAWebAddressStartingWithHttps") }));
