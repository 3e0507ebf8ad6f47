/**
 * `npm run db:backup -- <file>`: a consistent snapshot of the whole database (pg_dump's custom format, one
 * transaction) as the owner role, on DATABASE_OWNER_URL (or DATABASE_URL, or the running embedded database).
 * Restore it with `npm run db:restore -- <file>`.
 */
import { runToCompletion } from "./lib/child-process";
import { openDatabase } from "./lib/database";
import { say, warn } from "./lib/log";
import { requirePgTool } from "./lib/pg-tools";
import { repoRoot } from "./lib/paths";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run db:backup -- <file.dump>");
  const database = await openDatabase({ reuseRunning: true });
  try {
    const pgDump = await requirePgTool("pg_dump", database.ownerUrl);
    const code = await runToCompletion(
      pgDump,
      ["--format=custom", "--no-owner", "--file", file, "--dbname", database.ownerUrl],
      { cwd: repoRoot },
    );
    if (code !== 0) throw new Error(`pg_dump exited with ${code}`);
    say(`backup written to ${file}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
