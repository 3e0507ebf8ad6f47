import { createDb } from "@portal/db/client";
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import { provisionLocalRoles } from "@portal/db/roles";
import { seed, type SeedSummary } from "@portal/db/seed";
import { redactUrl, say } from "./log";
import { embeddedDataDir } from "./paths";
import { parsePort } from "./ports";

export interface DatabaseHandle {
  /** Migrations, seed, backups: the role that owns the schema. */
  ownerUrl: string;
  /** What the apps connect as: the least-privilege runtime role. */
  appUrl: string;
  /** True for the embedded server this launcher started (and may restart). */
  embedded: boolean;
  /** For the start-up summary. */
  description: string;
  stop: () => Promise<void>;
  /** The embedded server, for supervision; null for an external database. */
  server: EmbeddedPostgres | null;
}

const DEFAULT_PORT = 54329;

/**
 * DATABASE_URL (the apps' role) and DATABASE_OWNER_URL (migrations; defaults to DATABASE_URL for a single-role
 * setup) when set: nothing is started. Else the embedded server on .data/pg, with its owner and app roles created.
 * With `reuseRunning`, a server already started by a running `npm start` is used as is (db:seed next to a running
 * portal).
 */
export async function openDatabase(options: { reuseRunning?: boolean } = {}): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const ownerUrl = process.env.DATABASE_OWNER_URL || external;
    return {
      ownerUrl,
      appUrl: external,
      embedded: false,
      description: `${redactUrl(external)} (from DATABASE_URL)`,
      stop: async () => {},
      server: null,
    };
  }
  if (options.reuseRunning) {
    const running = await runningEmbeddedPostgres(embeddedDataDir);
    if (running) {
      const roles = await provisionLocalRoles(running.url);
      return {
        ...roles,
        embedded: true,
        description: `${redactUrl(roles.appUrl)} (embedded, already running)`,
        stop: async () => {},
        server: null,
      };
    }
  }
  const server = await startEmbedded();
  const roles = await provisionLocalRoles(server.url);
  return {
    ...roles,
    embedded: true,
    description: `${redactUrl(roles.appUrl)} (embedded, data in .data/pg)`,
    stop: server.stop,
    server,
  };
}

/** Starts (or, after a crash, restarts) the embedded server on .data/pg. */
export async function startEmbedded(): Promise<EmbeddedPostgres> {
  const port = parsePort(process.env.PORTAL_DB_PORT, DEFAULT_PORT, "PORTAL_DB_PORT");
  say(`starting PostgreSQL on 127.0.0.1:${port} (data in .data/pg)`);
  const verbose = process.env.PORTAL_DB_LOG === "1";
  return startEmbeddedPostgres({
    dataDir: embeddedDataDir,
    port,
    // Our own remarks (stale server stopped, folder relocated) always; PostgreSQL's chatter only on request.
    log: (line) => {
      if (verbose) console.log(`[postgres] ${line}`);
      else if (line.startsWith("[embedded-postgres]")) say(line.replace("[embedded-postgres] ", ""));
    },
  });
}

/**
 * Migrations (as the owner, under the advisory lock), then the idempotent seed: reference data always, the demo only
 * when asked. Safe to run on every start.
 */
export async function prepareDatabase(ownerUrl: string, options: { demo: boolean }): Promise<SeedSummary> {
  say("applying migrations");
  await migrateDatabase(ownerUrl);
  say(options.demo ? "seeding reference data and the demo (idempotent)" : "seeding reference data (idempotent)");
  const db = createDb(ownerUrl, { max: 2 });
  try {
    return await seed(db, { demo: options.demo });
  } finally {
    await db.close();
  }
}
