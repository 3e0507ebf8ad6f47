/** `npm run db:seed`: migrations and the idempotent seed, on DATABASE_URL or the embedded database. */
import { openDatabase, prepareDatabase } from "./lib/database";
import { say, warn } from "./lib/log";

async function main(): Promise<void> {
  const database = await openDatabase({ reuseRunning: true });
  try {
    await prepareDatabase(database.url);
    say(`done: ${database.description}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
