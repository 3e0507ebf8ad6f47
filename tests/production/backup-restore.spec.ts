import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { provisionLocalRoles } from "@portal/db/roles";
import { runScript, type ExternalPostgres } from "./support/deployment";
import { findSystemPostgres, startSystemPostgres } from "./support/system-postgres";
import os from "node:os";
import path from "node:path";
import { rm } from "node:fs/promises";

// db:backup then db:restore into a new, empty database: every programme and fiscal-year figure comes back the same.
// It runs on the machine's PostgreSQL (Debian's postgresql-15, which .ci/run installs), whose pg_dump and pg_restore
// match its server: the embedded server's major (17) has no client tools on Debian's apt.
const install = findSystemPostgres();
let database: ExternalPostgres;

test.beforeAll(async () => {
  test.skip(
    !install,
    "no PostgreSQL server with pg_dump/pg_restore installed (apt-get install postgresql-15, or PG_BIN)",
  );
  database = await startSystemPostgres(install!);
});
test.afterAll(async () => {
  await database?.destroy();
});

const TOTALS = `
  select p.code, a.fiscal_year, a.amount, a.committed, a.disbursed,
         (select coalesce(sum(d.amount), 0) from disbursements d
            join funding_lines f on f.id = d.funding_line_id where f.allocation_id = a.id) as paid
  from allocations a join programmes p on p.id = a.programme_id
  union all
  select 'fiscal-year', fiscal_year, sum(amount), sum(committed), sum(disbursed), 0 from allocations group by fiscal_year
  union all
  select 'grants', 0, sum(total_amount), 0, sum(disbursed), count(*) from grants
  union all
  select 'audit', 0, count(*), 0, 0, 0 from audit_events
  order by 1, 2`;

async function totalsOf(url: string): Promise<unknown[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return [...(await sql.unsafe(TOTALS))];
  } finally {
    await sql.end({ timeout: 5 });
  }
}

test("a backup restored into an empty database reproduces every programme and fiscal-year total", async () => {
  const env = { DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl };
  const seeded = await runScript("seed.ts", ["--demo"], env);
  expect(seeded.code, seeded.output).toBe(0);
  const file = path.join(os.tmpdir(), `portal-backup-${process.pid}.dump`);
  try {
    const backup = await runScript("backup.ts", [file], env);
    expect(backup.code, backup.output).toBe(0);

    const copy = await provisionLocalRoles(database.superuserUrl, {
      database: "grants_restored",
      owner: { name: "grants_owner", password: new URL(database.ownerUrl).password },
      app: { name: "grants_app", password: new URL(database.appUrl).password },
    });
    const restoreEnv = { DATABASE_URL: copy.appUrl, DATABASE_OWNER_URL: copy.ownerUrl };
    const restored = await runScript("restore.ts", [file], restoreEnv);
    expect(restored.code, restored.output).toBe(0);
    // Restoring twice is refused: the target is no longer empty.
    expect((await runScript("restore.ts", [file], restoreEnv)).code).toBe(1);

    const original = await totalsOf(database.ownerUrl);
    expect(original.length).toBeGreaterThan(5);
    expect(await totalsOf(copy.ownerUrl)).toEqual(original);
    // The app role keeps its rights on the copy.
    const app = postgres(copy.appUrl, { max: 1, onnotice: () => {} });
    try {
      expect((await app`select count(*)::int as n from grants`)[0]?.n).toBeGreaterThan(0);
    } finally {
      await app.end({ timeout: 5 });
    }
  } finally {
    await rm(file, { force: true });
  }
});
