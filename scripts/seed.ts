/**
 * `npm run db:migrate` (and its older name `npm run db:seed`): migrations as the owner role, under the advisory lock,
 * then the idempotent seed, on DATABASE_OWNER_URL (or DATABASE_URL) or the embedded database. Reference data always;
 * the demo on the embedded database, elsewhere only with `--demo` or PORTAL_DEMO_DATA=1. Safe to run on every deploy,
 * from several machines at once.
 */
import { wantsDemoData } from "./lib/demo-data";
import { openDatabase, prepareDatabase } from "./lib/database";
import { say, warn } from "./lib/log";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((arg) => arg !== "--demo");
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]} (only --demo)`);
  const database = await openDatabase({ reuseRunning: true });
  try {
    const demo = wantsDemoData({
      embedded: database.embedded,
      production: process.env.PORTAL_MODE === "production",
      demoFlag: argv.includes("--demo"),
    });
    const summary = await prepareDatabase(database.ownerUrl, { demo });
    const written = Object.values(summary.written).reduce((sum, count) => sum + count, 0);
    say(`done: ${database.description}; ${written} row(s) written${demo ? " (with the demo)" : ""}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
