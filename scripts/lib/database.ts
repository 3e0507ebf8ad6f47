import { createDb } from "@portal/db/client";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import { seed } from "@portal/db/seed";
import { redactUrl, say } from "./log";
import { embeddedDataDir } from "./paths";
import { parsePort } from "./ports";

export interface DatabaseHandle {
  url: string;
  /** For the start-up summary. */
  description: string;
  stop: () => Promise<void>;
}

const DEFAULT_PORT = 54329;

/**
 * DATABASE_URL when set (nothing is started), else the embedded server on .data/pg. With `reuseRunning`, a server
 * already started by a running `npm start` is used as is (db:seed next to a running portal).
 */
export async function openDatabase(options: { reuseRunning?: boolean } = {}): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { url: external, description: `${redactUrl(external)} (from DATABASE_URL)`, stop: async () => {} };
  }
  if (options.reuseRunning) {
    const running = await runningEmbeddedPostgres(embeddedDataDir);
    if (running) {
      return {
        url: running.url,
        description: `${redactUrl(running.url)} (embedded, already running)`,
        stop: async () => {},
      };
    }
  }
  const port = parsePort(process.env.PORTAL_DB_PORT, DEFAULT_PORT, "PORTAL_DB_PORT");
  say(`starting PostgreSQL on 127.0.0.1:${port} (data in .data/pg)`);
  const verbose = process.env.PORTAL_DB_LOG === "1";
  const server = await startEmbeddedPostgres({
    dataDir: embeddedDataDir,
    port,
    // Our own remarks (stale server stopped, folder relocated) always; PostgreSQL's chatter only on request.
    log: (line) => {
      if (verbose) console.log(`[postgres] ${line}`);
      else if (line.startsWith("[embedded-postgres]")) say(line.replace("[embedded-postgres] ", ""));
    },
  });
  return { url: server.url, description: `${redactUrl(server.url)} (embedded, data in .data/pg)`, stop: server.stop };
}

/** Migrations, then the idempotent seed: safe to run on every start. */
export async function prepareDatabase(url: string): Promise<void> {
  say("applying migrations");
  await migrateDatabase(url);
  say("seeding (idempotent)");
  const db = createDb(url, { max: 2 });
  try {
    await seed(db);
  } finally {
    await db.close();
  }
}
