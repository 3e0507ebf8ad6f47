/**
 * `npm start`: one command from a fresh clone to both apps running on a seeded database.
 * Under a process manager run `tsx scripts/start.ts` directly: npm does not forward SIGTERM to it.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../packages/db/src/seed/demo-accounts";
import { APPS, appEnvironment, buildApps, isBuilt, pidFileOf, startApp, type AppName } from "./lib/apps";
import { parseStartArgs } from "./lib/args";
import { resolveAuthSecret } from "./lib/auth-secret";
import { printReady } from "./lib/banner";
import { stopLeftover } from "./lib/child-process";
import { openDatabase, prepareDatabase } from "./lib/database";
import { waitForHttp } from "./lib/http";
import { say } from "./lib/log";
import { acquireLauncherLock } from "./lib/launcher-lock";
import { assertPortsFree, parsePort } from "./lib/ports";
import { Supervisor } from "./lib/supervisor";
import { mailLine, startWorker, workerPidFile } from "./lib/worker";

const supervisor = new Supervisor();

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  supervisor.watchSignals();
  supervisor.watchWrappers();

  const ports: Record<AppName, number> = {
    web: parsePort(process.env.PORT, 3000, "PORT"),
    admin: parsePort(process.env.ADMIN_PORT, 3001, "ADMIN_PORT"),
  };
  const portalUrl = process.env.PORTAL_URL ?? `http://localhost:${ports.web}`;
  const adminUrl = process.env.ADMIN_URL ?? `http://localhost:${ports.admin}`;

  await acquireLauncherLock();
  // Apps left running by a launcher killed with -9 would hold the ports.
  for (const name of Object.keys(APPS) as AppName[]) {
    const pid = await stopLeftover(pidFileOf(name), /next/);
    if (pid) say(`stopped ${name} left running by a previous launcher (pid ${pid})`);
  }
  const leftoverWorker = await stopLeftover(workerPidFile, /jobs\/src\/main/);
  if (leftoverWorker) say(`stopped the worker left running by a previous launcher (pid ${leftoverWorker})`);
  await assertPortsFree({ PORT: ports.web, ADMIN_PORT: ports.admin });

  const database = await openDatabase();
  supervisor.add("database", database.stop);
  await prepareDatabase(database.url);

  const secret = await resolveAuthSecret();
  if (secret.source === "local file") {
    say("AUTH_SECRET is not set: using a local secret kept in .data/auth-secret (fine for this machine only)");
  }

  if (!args.dev && args.build) {
    say("building the apps (skip with --no-build)");
    await buildApps();
  }

  const unbuilt = (Object.keys(APPS) as AppName[]).filter((name) => !isBuilt(name));
  if (!args.dev && unbuilt.length > 0) {
    throw new Error(
      `no production build of ${unbuilt.map((name) => `apps/${name}`).join(", ")}: drop --no-build, or use --dev`,
    );
  }

  const env = appEnvironment({ databaseUrl: database.url, authSecret: secret.value, portalUrl, adminUrl });
  const waits = (Object.keys(APPS) as AppName[]).map((name) => {
    const app = startApp(name, { port: ports[name], mode: args.dev ? "dev" : "start", env, trackPid: true });
    supervisor.add(
      name,
      () => app.stop(),
      () => app.kill(),
    );
    void app.exited.then(({ code, signal }) => {
      if (!supervisor.isStopping) void supervisor.shutdown(1, `${name} exited (${signal ?? `code ${code}`}): stopping`);
    });
    const url = `http://127.0.0.1:${ports[name]}/`;
    return waitForHttp(url, { timeoutMs: args.dev ? 180_000 : 60_000, gaveUp: app.exited });
  });
  await Promise.all(waits);

  const worker = startWorker(env);
  supervisor.add(
    "worker",
    () => worker.stop(),
    () => worker.kill(),
  );
  void worker.exited.then(({ code, signal }) => {
    if (!supervisor.isStopping) void supervisor.shutdown(1, `worker exited (${signal ?? `code ${code}`}): stopping`);
  });

  printReady({
    portalUrl,
    adminUrl,
    database: database.description,
    demoAccounts: DEMO_ACCOUNTS,
    demoPassword: DEMO_PASSWORD,
  });
  console.log(`${mailLine(adminUrl)}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  void supervisor.shutdown(1, `could not start: ${message}`);
});
