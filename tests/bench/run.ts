/**
 * Benchmarks that print figures (not timed tests): grant list, detail and budget queries on the seeded data plus
 * 5,000 extra grants, and disbursement throughput sequentially and under contention on one grant. With `--scale`, see scale.ts. Runs on its own
 * ephemeral embedded PostgreSQL. Compare ratios within one run; absolute timings on a shared 2-core machine are noisy.
 */
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb, grants } from "@portal/db";
import { startEmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import { DEMO_2002_SNAPSHOT, seed } from "@portal/db/seed";
import { eq, sql } from "drizzle-orm";
import { freePort } from "../../scripts/lib/ports";
import { callers } from "../integration/support/actors";
import { runScaleBench } from "./scale";

interface Figure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  perSecond: number;
}

const figures: Figure[] = [];

async function measure(
  name: string,
  runs: number,
  op: (i: number) => Promise<unknown>,
  concurrency = 1,
): Promise<void> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        durations.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!;
  figures.push({ name, runs, p50: at(0.5), p95: at(0.95), perSecond: (runs / elapsed) * 1000 });
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-bench-"));
  await chmod(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "pg"),
    port: await freePort(),
    ephemeral: true,
  });
  const db = createDb(pg.url, { max: 20 });
  try {
    let t0 = performance.now();
    await migrateDatabase(pg.url);
    const migrateMs = performance.now() - t0;
    t0 = performance.now();
    await seed(db, { demo: true, today: DEMO_2002_SNAPSHOT });
    const seedMs = performance.now() - t0;

    // 5,000 more grants (drafts of the seeded recipients) so list queries work on a realistic table.
    await db.execute(sql`
      insert into grants (reference, recipient_id, title_en, title_fr, total_amount, total_amount_cad, starts_on, ends_on)
      select 'BENCH-' || g, (select id from organisations where slug in ('icbl','mac') order by slug offset (g % 2) limit 1),
             'Benchmark grant ' || g, 'Subvention d''essai ' || g, 100000 + g, 100000 + g, date '2003-04-01', date '2004-03-31'
      from generate_series(1, 5000) g`);

    const officer = await callers(db, "officer");
    const partner = await callers(db, "partnerMac");
    const admin = await callers(db, "admin");
    const [icbl] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, "CLF-2001-ICBL"));
    const [active] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, "CLF-2002-ICBL"));

    await measure("grants.list officer, page 1 of 5,011", 200, () => officer.web.grants.list({ pageSize: 25 }));
    await measure("grants.list officer, search 'Benchmark grant 42'", 200, () =>
      officer.web.grants.list({ q: "Benchmark grant 42" }),
    );
    await measure("grants.list officer, FY 2001-2002 filter", 200, () =>
      officer.web.grants.list({ fiscalYear: "2001-2002" }),
    );
    await measure("grants.list partner (scoped)", 200, () => partner.web.grants.list({ pageSize: 25 }));
    await measure("grants.byId ICBL 2001 (detail page)", 200, () => officer.web.grants.byId({ id: icbl!.id }));
    await measure("budgets.overview FY 2001-2002", 200, () => admin.admin.budgets.overview({ fiscalYear: 2001 }));
    // Every payment pays an instalment a second officer approved: 401 one-cent instalments, approved beforehand
    // (the approval is not what is measured here).
    await db.execute(sql`
      insert into scheduled_payments (grant_id, sequence, due_on, amount, status)
      select ${active!.id}, 1000 + g, date '2002-07-15', 1, 'approved' from generate_series(0, 400) g`);
    const instalments = await db.execute<{ id: string }>(
      sql`select id from scheduled_payments where grant_id = ${active!.id} and sequence >= 1000 order by sequence`,
    );
    const record = (prefix: string, first: number) => (i: number) =>
      officer.web.disbursements.record({
        grantId: active!.id,
        paidOn: "2002-07-15",
        amount: 1,
        reference: `${prefix}-${i}`,
        idempotencyKey: `${prefix}-key-${i}`,
        scheduledPaymentId: instalments[first + i]!.id,
      });
    await measure("disbursements.record, sequential", 200, record("seq", 0));
    await measure("disbursements.record, 20 in parallel on one grant", 200, record("par", 200), 20);
    await measure("disbursements.record, retry of one key x200", 200, () => record("same", 400)(0), 20);

    const memory = process.memoryUsage();
    console.log(`\nmigrate ${migrateMs.toFixed(0)} ms, seed ${seedMs.toFixed(0)} ms\n`);
    console.log(
      [
        "benchmark".padEnd(58),
        "runs".padStart(5),
        "p50 ms".padStart(9),
        "p95 ms".padStart(9),
        "ops/s".padStart(9),
      ].join(" "),
    );
    for (const f of figures) {
      console.log(
        [
          f.name.padEnd(58),
          String(f.runs).padStart(5),
          f.p50.toFixed(2).padStart(9),
          f.p95.toFixed(2).padStart(9),
          f.perSecond.toFixed(0).padStart(9),
        ].join(" "),
      );
    }
    console.log(
      `\nbenchmark process: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await db.close();
    await pg.stop();
  }
}

// `npm run bench -- --scale` measures the reads of issue 14 at 10k / 100k / 1M disbursements instead.
const args = process.argv.slice(2);
if (args.includes("--scale")) await runScaleBench(args);
else await main();
