import { currencyCodesByDigits } from "@portal/domain";
import { type SQL, sql } from "drizzle-orm";
import { FORMULA_START_CHARACTERS, neutraliseFormula } from "./export-format";

/*
 * CSV cells written by PostgreSQL (COPY ... TO STDOUT WITH (FORMAT csv)), the same text csvCell writes in JavaScript:
 * a million rows are then formatted by the database while it reads them, with no JavaScript per row. COPY quotes as
 * RFC 4180 does (a comma, a quote or a line break) and writes NULL as an empty field; an empty string would come out
 * as "", so empty cells are NULL.
 */

const formulaStarts = sql.join(
  FORMULA_START_CHARACTERS.map((c) => sql`${c}`),
  sql`, `,
);

/** Text from the database, with neutraliseFormula's leading apostrophe when a spreadsheet would run it. */
export function textCell(value: unknown): SQL {
  return sql`nullif(case when left(${value}, 1) in (${formulaStarts}) then '''' || ${value} else ${value} end, '')`;
}

/** A word the export writes itself (a translated status), escaped in JavaScript once rather than once per row. */
export function wordCell(word: string): SQL {
  return sql`${neutraliseFormula(word) || null}::text`;
}

/** A value's words (`case value when ... then word`): a status or kind and its translation. */
export function wordsCell<Value extends string>(value: unknown, values: readonly Value[], word: (v: Value) => string) {
  return sql`(case ${value} ${sql.join(
    values.map((v) => sql`when ${v} then ${wordCell(word(v))}`),
    sql` `,
  )} end)`;
}

/** A date as ISO text (YYYY-MM-DD), whatever the session's DateStyle. */
export function dateCell(value: unknown): SQL {
  return sql`to_char(${value}, 'YYYY-MM-DD')`;
}

/**
 * Integer minor units as decimalAmount writes them ("484744.00", "-0.05", "1200" in yen): multiplying by 0.01 is exact
 * in numeric (the scales add up), where dividing would round a large amount to the division's scale.
 */
export function moneyCell(amount: unknown, currency: unknown): SQL {
  const whens: SQL[] = [];
  for (const [digits, codes] of currencyCodesByDigits()) {
    if (digits === 2) continue;
    const scaled =
      digits === 0 ? sql`${amount}::text` : sql`(${amount} * ${sql.raw(`0.${"1".padStart(digits, "0")}`)})::text`;
    whens.push(
      sql`when ${currency} in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `,
      )}) then ${scaled}`,
    );
  }
  return sql`(case ${sql.join(whens, sql` `)} else (${amount} * 0.01)::text end)`;
}
