import { PgDialect } from "drizzle-orm/pg-core";
import type { SQLWrapper } from "drizzle-orm";
import { DB_CASING } from "./client";

/** Renders queries as the client does (same casing), for statements sent outside drizzle. */
const dialect = new PgDialect({ casing: DB_CASING });

/** The only values written into SQL text: what scopes and filters pass (ids, codes, numbers, flags). */
function assertInlinable(value: unknown): void {
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "number" && Number.isFinite(value)) return;
  if (typeof value === "string" && !value.includes("\0")) return;
  throw new TypeError(`A ${typeof value} cannot be written into SQL text`);
}

/**
 * A built query as one SQL text, its parameters written in as literals: for the statements PostgreSQL runs without
 * parameters (COPY). Strings are quoted with inner quotes doubled, which is the whole escaping rule only while
 * standard_conforming_strings is on: the caller sets it (SET LOCAL) in the transaction that runs the text.
 */
export function inlinedQuery(query: SQLWrapper): string {
  for (const value of dialect.sqlToQuery(query.getSQL()).params) assertInlinable(value);
  return dialect.sqlToQuery(query.getSQL().inlineParams()).sql;
}
