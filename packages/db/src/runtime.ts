import { createDb, type Database } from "./client";
import { databaseEnv } from "./env";

// One pool per server process; kept on globalThis so Next's dev reloads do not open a new pool each time, and so the
// production server (scripts/next-server.cjs) can close it on SIGTERM once the last request has been answered.
const holder = globalThis as unknown as { __portalDb?: Database };

export function getDb(): Database {
  if (!holder.__portalDb) {
    const env = databaseEnv();
    holder.__portalDb = createDb(env.DATABASE_URL, {
      max: env.DATABASE_POOL_SIZE,
      prepare: env.DATABASE_PREPARED_STATEMENTS,
      connectTimeout: env.DATABASE_CONNECT_TIMEOUT,
    });
  }
  return holder.__portalDb;
}
