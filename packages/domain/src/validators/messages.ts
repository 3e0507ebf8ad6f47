import { z } from "zod";

/**
 * Validation messages come from the `validation` catalogue, in the reader's language. Validators name a message by its
 * key; who writes the sentence is installed by the runtime: the API (the request's language, from the catalogues) and
 * the browser (the page's language). Each message is written when zod reports the issue, so one schema serves both
 * languages. Without a writer installed (pure unit tests), the key itself is the message.
 */
export type ValidationParams = Record<string, string | number>;
export type ValidationWriter = (key: string, params: ValidationParams) => string;

let writer: ValidationWriter = (key) => key;

export function setValidationWriter(write: ValidationWriter): void {
  writer = write;
}

/** The message for a catalogue key, written now, in the current reader's language. */
export function validationMessage(key: string, params: ValidationParams = {}): string {
  return writer(key, params);
}

/** A zod `error` option naming a catalogue message: `z.string({ ...msg("enterAmount") })` or `.min(1, msg(...))`. */
export function msg(key: string, params: ValidationParams = {}): { error: () => string } {
  return { error: () => writer(key, params) };
}

/** A field's label as the catalogue keys it: "the English name" -> "theEnglishName". */
export function labelKey(label: string): string {
  const words = label.match(/[A-Za-z0-9]+/g) ?? [];
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
}

// zod's own messages (a schema without a message of its own: a missing field, a list too long) come from the same
// catalogue, by issue code, so nothing reaches a reader in zod's English.
z.config({
  customError: (issue) => {
    const params: ValidationParams = {};
    if ("maximum" in issue && (typeof issue.maximum === "number" || typeof issue.maximum === "bigint"))
      params.maximum = Number(issue.maximum);
    if ("minimum" in issue && (typeof issue.minimum === "number" || typeof issue.minimum === "bigint"))
      params.minimum = Number(issue.minimum);
    const code = issue.code ?? "custom";
    return writer(`zod.${code}`, params);
  },
});
