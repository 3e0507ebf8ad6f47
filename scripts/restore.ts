/**
 * `npm run db:restore -- <file>`: loads a backup made by `npm run db:backup` into an EMPTY database (a new one, or
 * one just created by the DBA), as the owner role; then run `npm run db:migrate` (migration 0008's grants give the
 * app role its rights again) and start the apps. Refuses a database that already has tables, so a mistyped URL
 * cannot overwrite production.
 */
import postgres from "postgres";
import { runToCompletion } from "./lib/child-process";
import { openDatabase } from "./lib/database";
import { say, warn } from "./lib/log";
import { requirePgTool } from "./lib/pg-tools";
import { repoRoot } from "./lib/paths";

async function assertEmpty(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ tables: number }[]>`
      select count(*)::int as tables from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if ((row?.tables ?? 0) > 0) {
      throw new Error(`the target database has ${row?.tables} table(s): restore into an empty database`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run db:restore -- <file.dump>");
  const database = await openDatabase({ reuseRunning: true });
  try {
    await assertEmpty(database.ownerUrl);
    const pgRestore = await requirePgTool("pg_restore", database.ownerUrl);
    const code = await runToCompletion(
      pgRestore,
      ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", database.ownerUrl, file],
      { cwd: repoRoot },
    );
    if (code !== 0) throw new Error(`pg_restore exited with ${code}`);
    say(`restored ${file}: now run npm run db:migrate`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
