/**
 * Production start of one app, never a build: `npm run start:web` or `npm run start:admin` (or
 * `tsx scripts/serve.ts web|admin` under a process manager). Run as many instances as you like, each with its own
 * PORT, all from one `npm run build`. Before the server listens it checks the settings, the database (reachable,
 * migrations current) and that no demo account still has the published password; then it runs the standalone server
 * in a child process, passing SIGTERM/SIGINT on (the server drains in-flight requests and closes its pool).
 */
import { createDb } from "@portal/db/client";
import { demoAccountsWithPublishedPassword } from "@portal/db/demo-guard";
import { migrationStatus } from "@portal/db/migration-status";
import { APPS, appEnvironment, startApp, type AppName } from "./lib/apps";
import { say, warn } from "./lib/log";
import { parsePort } from "./lib/ports";
import { productionSettings } from "./lib/production-env";

async function checkDatabase(url: string): Promise<void> {
  const db = createDb(url, { max: 1, connectTimeout: 10 });
  try {
    const migrations = await migrationStatus(db).catch((error: unknown) => {
      throw new Error(`the database cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (!migrations.current) {
      throw new Error(
        `the database has ${migrations.applied} of ${migrations.expected} migrations: run \`npm run db:migrate\` first`,
      );
    }
    const exposed = await demoAccountsWithPublishedPassword(db);
    if (exposed.length > 0) {
      throw new Error(
        `demo account(s) with the published password exist: ${exposed.join(", ")}. ` +
          "Deactivate them or change their password; production mode does not start while they can sign in.",
      );
    }
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2] as AppName;
  if (!(name in APPS)) throw new Error(`usage: tsx scripts/serve.ts ${Object.keys(APPS).join("|")}`);
  const settings = productionSettings(name);
  const port = parsePort(process.env.PORT, name === "web" ? 3000 : 3001, "PORT");
  await checkDatabase(settings.databaseUrl);

  const env = appEnvironment({ ...settings, mode: "production" });
  const child = startApp(name, { port, mode: "start", env, hostname: process.env.HOSTNAME });
  say(`${APPS[name].label} (pid ${child.process.pid}) starting on port ${port}`);
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    process.on(signal, () => child.process.kill(signal === "SIGHUP" ? "SIGTERM" : signal));
  }
  const { code, signal } = await child.exited;
  process.exit(code ?? (signal ? 0 : 1));
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
