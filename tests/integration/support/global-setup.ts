import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { freePort } from "../../../scripts/lib/ports";
import "./context";
import { databaseUrl, quoteIdentifier } from "./database-url";

interface Server {
  url: string;
  stop: () => Promise<void>;
}

/** One throwaway cluster per run: a temp folder `postgres` can enter (mkdtemp makes it 0700), a free port. */
async function startThrowawayServer(): Promise<Server> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "portal-test-pg-"));
  await chmod(folder, 0o755);
  try {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(folder, "data"),
      port: await freePort(),
      ephemeral: true,
    });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Starts PostgreSQL once per run (or uses TEST_DATABASE_URL's server) and migrates a template database once; each
 * test file then clones it in tens of milliseconds (support/db.ts). On a shared server every name carries a run id.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = process.env.TEST_DATABASE_URL;
  const run = shared ? `_${randomBytes(4).toString("hex")}` : "";
  const names = {
    template: `portal_template${run}`,
    seeded: `portal_seeded${run}`,
    prefix: `portal_test${run}_`,
  };
  const server: Server = shared ? { url: shared, stop: async () => {} } : await startThrowawayServer();
  const admin = postgres(server.url, { max: 1, onnotice: () => {} });

  const teardown = async () => {
    if (shared) {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database
        where datname like ${`${names.prefix}%`} or datname in (${names.template}, ${names.seeded}, ${`${names.seeded}_building`})`;
      for (const { datname } of leftovers)
        await admin.unsafe(`drop database if exists ${quoteIdentifier(datname)} with (force)`);
    }
    await admin.end({ timeout: 5 });
    await server.stop();
  };

  try {
    await admin.unsafe(`create database ${quoteIdentifier(names.template)}`);
    await migrateDatabase(databaseUrl(server.url, names.template));
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }

  project.provide("testDatabaseAdminUrl", server.url);
  project.provide("testTemplateDatabase", names.template);
  project.provide("testSeededTemplateDatabase", names.seeded);
  project.provide("testDatabasePrefix", names.prefix);
  return teardown;
}
