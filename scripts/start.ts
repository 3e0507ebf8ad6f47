/**
 * `npm start`: one command from a fresh clone to both apps running on a seeded database.
 * Under a process manager run `tsx scripts/start.ts` directly: npm does not forward SIGTERM to it.
 *
 * The database (start, migrations, seed) is prepared while the apps build; the portal starts as soon as its own build
 * is there, the admin console when its build is, so the first page comes before the second build ends.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@portal/db/seed";
import { APPS, appEnvironment, buildApps, isBuilt, pidFileOf, startApp, type AppName } from "./lib/apps";
import { parseStartArgs } from "./lib/args";
import { resolveAuthSecret } from "./lib/auth-secret";
import { printReady } from "./lib/banner";
import { stopLeftover, type ManagedChild } from "./lib/child-process";
import { openDatabase, prepareDatabase, startEmbedded } from "./lib/database";
import { superviseEmbedded } from "./lib/database-supervisor";
import { wantsDemoData } from "./lib/demo-data";
import { waitForHttp } from "./lib/http";
import { say } from "./lib/log";
import { acquireLauncherLock } from "./lib/launcher-lock";
import { assertPortsFree, parsePort } from "./lib/ports";
import { Supervisor } from "./lib/supervisor";
import { mailLine, startWorker, workerPidFile } from "./lib/worker";

const supervisor = new Supervisor();
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

/**
 * The long-running children, in start order (stopped in reverse). Another process (e.g. a queue worker) is one more
 * entry: a name, how to start it once the database is ready, and what to wait for before the banner.
 */
interface ChildSpec {
  name: string;
  /** Resolves when the child may start (its build is there). */
  prerequisite: Promise<void>;
  start: (env: NodeJS.ProcessEnv) => ManagedChild;
  /** Answers once the child serves (for apps: their first page). */
  readyUrl?: string;
}

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  supervisor.watchSignals();
  supervisor.watchWrappers();
  const production = process.env.PORTAL_MODE === "production";

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

  // Builds run while the database is prepared; turbo reuses a build whose inputs have not changed.
  const builds = buildsInOrder(args);

  const database = await openDatabase();
  let stopDatabase = database.stop;
  supervisor.add("database", () => stopDatabase());
  if (database.server) {
    superviseEmbedded({
      server: database.server,
      restart: startEmbedded,
      isStopping: () => supervisor.isStopping,
      giveUp: (reason) => void supervisor.shutdown(1, reason),
      onRestarted: (server) => {
        stopDatabase = server.stop;
      },
    });
  }
  const demo = wantsDemoData({ embedded: database.embedded, production, demoFlag: args.demo });
  await prepareDatabase(database.ownerUrl, { demo });
  say(`database ready (${elapsed()})`);

  const secret = await resolveAuthSecret();
  if (secret.source === "local file") {
    if (production) throw new Error("PORTAL_MODE=production needs AUTH_SECRET (openssl rand -base64 33)");
    say("AUTH_SECRET is not set: using a local secret kept in .data/auth-secret (fine for this machine only)");
  }
  const env = appEnvironment({
    databaseUrl: database.appUrl,
    authSecret: secret.value,
    portalUrl,
    adminUrl,
    mode: production ? "production" : "demo",
  });

  const children: ChildSpec[] = (Object.keys(APPS) as AppName[]).map((name) => ({
    name,
    prerequisite: builds[name],
    start: (childEnv) =>
      startApp(name, { port: ports[name], mode: args.dev ? "dev" : "start", env: childEnv, trackPid: true }),
    readyUrl: `http://127.0.0.1:${ports[name]}/`,
  }));

  await Promise.all(
    children.map(async (spec) => {
      await spec.prerequisite;
      if (supervisor.isStopping) return;
      const child = spec.start(env);
      supervisor.add(
        spec.name,
        () => child.stop(),
        () => child.kill(),
      );
      void child.exited.then(({ code, signal }) => {
        if (!supervisor.isStopping)
          void supervisor.shutdown(1, `${spec.name} exited (${signal ?? `code ${code}`}): stopping`);
      });
      if (spec.readyUrl) {
        await waitForHttp(spec.readyUrl, { timeoutMs: args.dev ? 180_000 : 60_000, gaveUp: child.exited });
        say(`${spec.name} answers (${elapsed()} after start)`);
      }
    }),
  );

  // The worker connects as the owner role: pg-boss keeps its own schema and adds a table per queue as it goes,
  // which the apps' least-privilege role may not do (DEPLOYING.md says the same for `npm run worker`).
  const worker = startWorker({ ...env, DATABASE_URL: database.ownerUrl });
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
    demoAccounts: demo ? DEMO_ACCOUNTS : [],
    demoPassword: DEMO_PASSWORD,
  });
  console.log(`${mailLine(adminUrl)}\n`);
}

/** Each app's build, one after the other (two at once on two cores only delays the first), portal first. */
function buildsInOrder(args: { dev: boolean; build: boolean }): Record<AppName, Promise<void>> {
  const names = Object.keys(APPS) as AppName[];
  const done = {} as Record<AppName, Promise<void>>;
  let previous = Promise.resolve();
  for (const name of names) {
    previous = done[name] = previous.then(async () => {
      if (args.dev) return;
      if (args.build) {
        say(`building apps/${name} if it changed (skip with --no-build)`);
        await buildApps([name]);
      }
      if (!isBuilt(name)) throw new Error(`no production build of apps/${name}: drop --no-build, or use --dev`);
    });
  }
  // A failed build stops the launcher even while the database is still being prepared.
  for (const name of names) done[name].catch((error: unknown) => fail(error));
  return done;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  void supervisor.shutdown(1, `could not start: ${message}`);
}

main().catch(fail);
