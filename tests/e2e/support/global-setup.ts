import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FullConfig } from "@playwright/test";
import { createDb } from "@portal/db/client";
import { startEmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import { provisionLocalRoles, type LocalRoles } from "@portal/db/roles";
import { DEMO_2002_SNAPSHOT, seed } from "@portal/db/seed";
import { appEnvironment, startApp, type AppName } from "../../../scripts/lib/apps";
import type { ManagedChild } from "../../../scripts/lib/child-process";
import { waitForHttp } from "../../../scripts/lib/http";
import { freePort } from "../../../scripts/lib/ports";
import { startWorker } from "../../../scripts/lib/worker";

const RESULTS = fileURLToPath(new URL("../../.results", import.meta.url));
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The browser tests sign in, create and approve things: never against a database that is not on this machine. */
function assertLocal(name: string, url: string | undefined): void {
  if (!url) return;
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`${name} points to ${host}: the end-to-end tests only run against a local database.`);
  }
}

/**
 * The apps connect as the least-privilege app role, as in production; migrations, the seed, the worker (pg-boss owns
 * its schema) and the tests' own checks use the owner role.
 */
async function openDatabase(): Promise<LocalRoles & { stop: () => Promise<void> }> {
  const given = process.env.E2E_DATABASE_URL;
  if (given) return { ownerUrl: given, appUrl: given, stop: async () => {} };
  const folder = await mkdtemp(path.join(os.tmpdir(), "portal-e2e-pg-"));
  await chmod(folder, 0o755); // mkdtemp makes it 0700, closed to the `postgres` user
  const server = await startEmbeddedPostgres({
    dataDir: path.join(folder, "data"),
    port: await freePort(),
    ephemeral: true,
  });
  const roles = await provisionLocalRoles(server.url, { database: "grants_e2e" });
  return {
    ...roles,
    stop: async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function baseUrlOf(config: FullConfig, project: AppName): URL {
  const baseURL = config.projects.find((candidate) => candidate.name === project)?.use.baseURL;
  if (!baseURL) throw new Error(`playwright.config.ts has no baseURL for the ${project} project`);
  return new URL(baseURL);
}

/**
 * One seeded throwaway database and the two built apps (`next start`) for the whole run; the returned function is
 * Playwright's teardown. App output goes to tests/.results/e2e-<app>.log and is quoted when an app fails to start.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  assertLocal("DATABASE_URL", process.env.DATABASE_URL);
  assertLocal("E2E_DATABASE_URL", process.env.E2E_DATABASE_URL);
  await mkdir(RESULTS, { recursive: true });

  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };

  try {
    const database = await openDatabase();
    cleanups.push(database.stop);
    await migrateDatabase(database.ownerUrl);
    const db = createDb(database.ownerUrl, { max: 2 });
    try {
      // The FY 2002-2003 work in progress the specs act on (a report to resubmit, an instalment to pay...).
      await seed(db, { demo: true, today: DEMO_2002_SNAPSHOT });
    } finally {
      await db.close();
    }
    // Tests that check the database directly read the same one as the apps (workers inherit process.env).
    process.env.E2E_DATABASE_URL = database.ownerUrl;
    process.env.DATABASE_URL = database.ownerUrl;

    const urls = { web: baseUrlOf(config, "web"), admin: baseUrlOf(config, "admin") };
    const env = appEnvironment({
      databaseUrl: database.appUrl,
      authSecret: randomBytes(32).toString("base64url"),
      portalUrl: urls.web.origin,
      adminUrl: urls.admin.origin,
    });

    const started: { name: AppName; app: ManagedChild; log: string; tail: string[] }[] = [];
    for (const name of ["web", "admin"] as const) {
      const log = path.join(RESULTS, `e2e-${name}.log`);
      const file = createWriteStream(log);
      const tail: string[] = [];
      const app = startApp(name, {
        port: Number(urls[name].port),
        mode: "start",
        env,
        output: (line) => {
          file.write(`${line}\n`);
          tail.push(line);
          if (tail.length > 40) tail.shift();
        },
      });
      cleanups.push(async () => {
        await app.stop();
        file.end();
      });
      started.push({ name, app, log, tail });
    }
    // The background worker (notifications, e-mail to the outbox), dispatching every second for the tests' sake.
    const workerLog = createWriteStream(path.join(RESULTS, "e2e-worker.log"));
    const worker = startWorker({ ...env, DATABASE_URL: database.ownerUrl, WORKER_DISPATCH_SECONDS: "1" }, (line) =>
      workerLog.write(`${line}\n`),
    );
    cleanups.push(async () => {
      await worker.stop();
      workerLog.end();
    });

    for (const { name, app, log, tail } of started) {
      try {
        await waitForHttp(urls[name].origin, { timeoutMs: 60_000, gaveUp: app.exited });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`apps/${name} did not come up: ${reason}\n--- ${log} (last lines) ---\n${tail.join("\n")}`);
      }
    }
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
