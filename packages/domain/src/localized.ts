/** A record that carries one text in both official languages, as `<field>En` and `<field>Fr`. */
export type Bilingual<F extends string> = { [K in `${F}En` | `${F}Fr`]: string | null | undefined };

/**
 * The record's text in the reader's language. Where only the other language was entered, that one is shown rather
 * than nothing (a missing translation is better seen than hidden).
 */
export function localized<F extends string>(record: Bilingual<F>, field: F, locale: string): string {
  const own = locale === "fr" ? record[`${field}Fr`] : record[`${field}En`];
  const other = locale === "fr" ? record[`${field}En`] : record[`${field}Fr`];
  return own || other || "";
}
