/**
 * Who writes validation messages; no zod here, so the root layouts can install the writer without shipping zod to
 * pages that validate nothing.
 *
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

/** A field's label as the catalogue keys it: "the English name" -> "theEnglishName". */
export function labelKey(label: string): string {
  const words = label.match(/[A-Za-z0-9]+/g) ?? [];
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");
}
