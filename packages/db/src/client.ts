import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** How the schema's camelCase keys become column names, for the client and for SQL rendered outside it. */
export const DB_CASING = "snake_case" as const;

export type Database = ReturnType<typeof createDb>;
/** A database handle or an open transaction: services accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DbOptions {
  /** Connections in the pool. */
  max?: number;
  /** Named prepared statements; off behind PgBouncer in transaction pooling mode, which cannot keep them. */
  prepare?: boolean;
  /** Seconds to wait for a connection before the query fails (so an unreachable server answers 503 quickly). */
  connectTimeout?: number;
}

/** TLS comes from the URL itself (`?sslmode=require` or `verify-full`), which postgres.js reads. */
export function createDb(url: string, options: DbOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    prepare: options.prepare ?? true,
    connect_timeout: options.connectTimeout ?? 10,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema, casing: DB_CASING });
  return Object.assign(db, { close: () => client.end({ timeout: 5 }) });
}
