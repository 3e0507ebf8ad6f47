/**
 * `npm run bench -- --scale`: the reads of issue 14 at 10k, 100k and 1M disbursements, side by side in one run.
 * Each scale is its own database cloned from one seeded template and grown by scale-data.ts (every constraint on,
 * ledger views checked after). Prints per read the API p50 at each scale and the growth ratio, the API-to-raw-SQL
 * ratio of the budget reads, export rows/s with peak RSS, and a bounded loopback load run of the grant list against
 * a minimal handler on the same server. `--scales=10000,100000` picks scales, `--load-seconds=N` the load run.
 * `--explain` prints the plans of each read's slow statements (over `--explain-ms`, default 2) before timing it.
 * `--keep=DIR` keeps the cluster in DIR and reuses every data set already generated there (migrations are applied to
 * it first), so the 1M portfolio is generated once on a shared machine.
 */
import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Actor, createAdminCaller, createWebCaller } from "@portal/api";
import * as schema from "@portal/db/schema";
import { startEmbeddedPostgres } from "@portal/db/embedded";
import { migrateDatabase } from "@portal/db/migrate";
import { DEMO_2002_SNAPSHOT, seed } from "@portal/db/seed";
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { freePort } from "../../scripts/lib/ports";
import { actorFor } from "../integration/support/actors";
import { appLoadRun, appRoleUrl, GRANT_LIST_PATH, type LoadFigure, loadTargets } from "./app-load";
import { countScaleData, generateScaleData, ledgerDisagreements, type ScaleCounts } from "./scale-data";

/** The fiscal year whose budget is reviewed: every scale funds it from the generated programmes. */
const REVIEW_YEAR = 2010;
/** Per read, stop after this many runs or this much time, whichever comes first (slow reads at 1M before the fix). */
const RUNS = 25;
const TIME_BUDGET_MS = 20_000;

interface Capture {
  query: string;
  params: unknown[];
}

/** A database handle whose queries can be recorded, and the postgres.js client underneath it (the raw baseline). */
function openDb(url: string) {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  let capture: Capture[] | null = null;
  const db = drizzle(client, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => capture?.push({ query, params }) },
  });
  const handle = Object.assign(db, { close: () => client.end({ timeout: 5 }) });
  return {
    db: handle,
    client,
    record: async (op: () => Promise<unknown>): Promise<Capture[]> => {
      capture = [];
      try {
        await op();
        return capture;
      } finally {
        capture = null;
      }
    },
  };
}

async function p50(op: () => Promise<unknown>): Promise<{ p50: number; runs: number }> {
  await op(); // warm the plan cache and the pages
  const durations: number[] = [];
  const started = performance.now();
  while (durations.length < RUNS && performance.now() - started < TIME_BUDGET_MS) {
    const t0 = performance.now();
    await op();
    durations.push(performance.now() - t0);
  }
  durations.sort((a, b) => a - b);
  return { p50: durations[Math.floor(durations.length / 2)]!, runs: durations.length };
}

/** Resident memory of another process (Linux /proc), in bytes. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Peak resident memory of the server process while `op` runs, sampled every 20 ms. */
async function withPeakRss<T>(pid: number, op: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = await rssOf(pid);
  const timer = setInterval(() => {
    void rssOf(pid).then((rss) => (peak = Math.max(peak, rss)));
  }, 20);
  try {
    const result = await op();
    return { result, peakRss: Math.max(peak, await rssOf(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Reads a CSV response to the end, counting lines (every generated cell is free of line breaks). */
async function drain(response: Response): Promise<{ rows: number; bytes: number }> {
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
  let rows = 0;
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) rows++;
  }
  return { rows: rows - 1, bytes }; // minus the header line
}

/** The bench server's V8 old-space limit (MiB). */
const SERVER_HEAP_MB = 128;

interface BenchServer {
  port: number;
  pid: number;
  stop: () => void;
}

/** load-server.ts in a child process on a free port, once it listens. */
async function startServer(url: string): Promise<BenchServer> {
  const port = await freePort();
  // V8 grows its heap lazily up to a large default, so a long export's RSS says how much garbage the collector let
  // pile up rather than what the export holds: the server gets a bounded heap, as a deployment would give it
  // (without one, the 1M payments export peaks near 380 MiB of RSS at the same speed).
  const heap = `--max-old-space-size=${SERVER_HEAP_MB}`;
  const server = spawn(process.execPath, [heap, "--import", "tsx", path.join(import.meta.dirname, "load-server.ts")], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    server.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
  });
  return { port, pid: server.pid!, stop: () => server.kill("SIGTERM") };
}

/** Both CSV exports over HTTP from a server process of their own, with that process's peak RSS. */
async function exportRun(url: string, target: number) {
  const exports = new Map<string, { rows: number; rowsPerSecond: number; peakRssMiB: number }>();
  const server = await startServer(url);
  try {
    for (const [name, route] of [
      ["payments CSV export", "/export/payments"],
      ["grant-list CSV export", "/export/grants"],
    ] as const) {
      const t0 = performance.now();
      const { result, peakRss } = await withPeakRss(server.pid, async () =>
        drain(await fetch(`http://127.0.0.1:${server.port}${route}`)),
      );
      const seconds = (performance.now() - t0) / 1000;
      exports.set(name, { rows: result.rows, rowsPerSecond: result.rows / seconds, peakRssMiB: peakRss / 2 ** 20 });
      console.log(`  ${target}: ${name} ${result.rows} rows in ${seconds.toFixed(1)} s`);
    }
  } finally {
    server.stop();
  }
  return exports;
}

interface ScaleResult {
  target: number;
  counts: ScaleCounts;
  generateMs: number;
  disagreements: number;
  reads: Map<string, number>;
  workspaceKb: number;
  budgetRatio: Map<string, { api: number; raw: number }>;
  exports: Map<string, { rows: number; rowsPerSecond: number; peakRssMiB: number }>;
}

const READS = [
  "admin budget review",
  "budget overview",
  "officer dashboard",
  "officer dashboard (one programme)",
  "partner workspace",
  "grant list, sort by fiscal year",
  "grant list, search",
  "grant-list filter options",
  "grant list after a grant write",
  "filter options after a grant write",
] as const;

/**
 * `--explain`: each read's statements under EXPLAIN (ANALYZE, BUFFERS), printed when one takes longer than
 * `--explain-ms` (default 2): where a read's time goes at this scale, with the very parameters the service sent.
 */
async function explainReads(
  client: postgres.Sql,
  record: (op: () => Promise<unknown>) => Promise<Capture[]>,
  ops: Record<string, () => Promise<unknown>>,
  thresholdMs: number,
) {
  for (const [name, op] of Object.entries(ops)) {
    for (const statement of await record(op)) {
      const plan = await client.unsafe(
        `explain (analyze, buffers) ${statement.query}`,
        statement.params as postgres.ParameterOrJSON<never>[],
      );
      const text = plan.map((row) => String(row["QUERY PLAN"])).join("\n");
      const ms = Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? 0);
      if (ms >= thresholdMs)
        console.log(`\n--- ${name}: ${ms} ms\n${statement.query}\n${JSON.stringify(statement.params)}\n${text}`);
    }
  }
}

async function measureScale(
  url: string,
  target: number,
  counts: ScaleCounts,
  generateMs: number,
  explainMs: number | null,
) {
  const { db, client, record } = openDb(url);
  try {
    const actors = {
      admin: (await actorFor(db, "admin"))!,
      officer: (await actorFor(db, "officer"))!,
      // The demo's Mine Monitoring officer: one programme (MMP), a handful of grants among a portfolio they only read.
      mmpOfficer: (await actorFor(db, "officer3"))!,
      partner: (await actorFor(db, "partnerMac"))!,
    };
    const web = (actor: Actor) => createWebCaller({ db, actor, locale: "en" });
    const admin = createAdminCaller({ db, actor: actors.admin, locale: "en" });
    const officer = web(actors.officer);
    const bumpGrantListVersion = () => client`update grant_list_version set version = version + 1`;
    const partner = web(actors.partner);

    const ops: Record<(typeof READS)[number], () => Promise<unknown>> = {
      "admin budget review": () => admin.budgetReview.review({ fiscalYear: REVIEW_YEAR }),
      "budget overview": () => admin.budgets.overview({ fiscalYear: REVIEW_YEAR }),
      "officer dashboard": () => officer.dashboard.officer(),
      "officer dashboard (one programme)": () => web(actors.mmpOfficer).dashboard.officer(),
      "partner workspace": () => partner.dashboard.partner(),
      "grant list, sort by fiscal year": () =>
        officer.grants.list({ sort: "fiscalYear", direction: "desc", pageSize: 25 }),
      "grant list, search": () => officer.grants.list({ q: "district 42", pageSize: 25 }),
      "grant-list filter options": () => officer.dashboard.grantListOptions(),
      // The total and the choices are kept until a write they read commits (grant_list_version): what the first
      // view after such a write costs, the number moved by hand (as the triggers move it) before each run.
      "grant list after a grant write": async () => {
        await bumpGrantListVersion();
        return officer.grants.list({ sort: "fiscalYear", direction: "desc", pageSize: 25 });
      },
      "filter options after a grant write": async () => {
        await bumpGrantListVersion();
        return officer.dashboard.grantListOptions();
      },
    };
    if (explainMs !== null) await explainReads(client, record, ops, explainMs);
    const reads = new Map<string, number>();
    for (const name of READS) {
      const { p50: median, runs } = await p50(ops[name]);
      reads.set(name, median);
      console.log(`  ${target}: ${name} p50 ${median.toFixed(1)} ms (${runs} runs)`);
    }
    const workspaceKb = Buffer.byteLength(JSON.stringify(await ops["partner workspace"]())) / 1024;

    // The same statements the service sends, sent straight through postgres.js with the same concurrency.
    const budgetRatio = new Map<string, { api: number; raw: number }>();
    for (const name of ["admin budget review", "budget overview"] as const) {
      const statements = await record(ops[name]);
      const raw = await p50(() =>
        Promise.all(statements.map((s) => client.unsafe(s.query, s.params as postgres.ParameterOrJSON<never>[]))),
      );
      budgetRatio.set(name, { api: reads.get(name)!, raw: raw.p50 });
    }

    const exports = await exportRun(url, target);
    return {
      target,
      counts,
      generateMs,
      disagreements: await ledgerDisagreements(db),
      reads,
      workspaceKb,
      budgetRatio,
      exports,
    } satisfies ScaleResult;
  } finally {
    await db.close();
  }
}

/**
 * The load run: first through the app itself (app-load.ts: the built web app, a signed-in officer, its own minimal
 * route handler as the floor), then the bench server's tRPC fetch adapter with a fixed actor and its bare node:http
 * handler, which say how much of a request is the service and tRPC and how much is Next.js and the session.
 */
async function loadRun(superuserUrl: string, url: string, seconds: number): Promise<LoadFigure[]> {
  const figures = await appLoadRun(await appRoleUrl(superuserUrl, url), seconds);
  const server = await startServer(url);
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    figures.push(
      ...(await loadTargets(
        [
          { name: "node:http handler (no Next)", url: `${origin}/floor`, serverPid: server.pid },
          { name: "grants.list, tRPC adapter only", url: `${origin}${GRANT_LIST_PATH}`, serverPid: server.pid },
        ],
        seconds,
      )),
    );
    return figures;
  } finally {
    server.stop();
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

function printLoad(load: LoadFigure[], scale: string) {
  const row = (cells: string[], widths: number[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  console.log(`\nload at ${scale} (100 connections, loopback, one server process each)`);
  const lw = [40, 10, 8, 8, 8, 8, 14];
  row(["target", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "CPU ms/req"], lw);
  for (const f of load)
    row(
      [
        f.name,
        f.requestsPerSecond.toFixed(0),
        String(f.p50),
        String(f.p99),
        String(f.errors),
        String(f.non2xx),
        f.serverCpuMs === null ? "-" : f.serverCpuMs.toFixed(2),
      ],
      lw,
    );
  // The goal: the signed-in grant list against a minimal route handler of the same Next.js app.
  console.log(`grant list / Next floor: ${(load[1]!.requestsPerSecond / load[0]!.requestsPerSecond).toFixed(2)}x`);
}

function printTables(results: ScaleResult[], load: LoadFigure[]) {
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const row = (cells: string[], widths: number[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));

  console.log("\ndata sets (every constraint on; ledger views compared with the running totals after)");
  const dw = [8, 9, 14, 18, 14, 12, 14];
  row(["scale", "grants", "funding lines", "scheduled payments", "disbursements", "generate s", "disagreements"], dw);
  for (const r of results)
    row(
      [
        label(r.target),
        String(r.counts.grants),
        String(r.counts.fundingLines),
        String(r.counts.scheduledPayments),
        String(r.counts.disbursements),
        r.generateMs > 0 ? (r.generateMs / 1000).toFixed(1) : "reused",
        String(r.disagreements),
      ],
      dw,
    );

  console.log(`\nAPI p50 (ms; in-process tRPC caller)`);
  const rw = [34, ...results.map(() => 10), 18];
  row(["read", ...results.map((r) => label(r.target)), `growth ${label(last.target)}/${label(first.target)}`], rw);
  for (const name of READS) {
    const values = results.map((r) => r.reads.get(name)!);
    row([name, ...values.map(ms), `${(values[values.length - 1]! / values[0]!).toFixed(2)}x`], rw);
  }
  row(["partner workspace payload (KB)", ...results.map((r) => r.workspaceKb.toFixed(0)), ""], rw);

  console.log("\nbudget reads: API vs the same SQL through postgres.js (p50 ms)");
  const bw = [24, 8, 10, 10, 8];
  row(["read", "scale", "API", "raw SQL", "ratio"], bw);
  for (const r of results)
    for (const [name, figure] of r.budgetRatio)
      row([name, label(r.target), ms(figure.api), ms(figure.raw), `${(figure.api / figure.raw).toFixed(2)}x`], bw);

  console.log(
    `\nexports (CSV over HTTP, read to the end; peak RSS of the server process, heap limit ${SERVER_HEAP_MB} MiB)`,
  );
  const ew = [24, 8, 10, 10, 14];
  row(["export", "scale", "rows", "rows/s", "peak RSS MiB"], ew);
  for (const r of results)
    for (const [name, figure] of r.exports)
      row(
        [name, label(r.target), String(figure.rows), figure.rowsPerSecond.toFixed(0), figure.peakRssMiB.toFixed(0)],
        ew,
      );

  if (load.length > 0) printLoad(load, label(last.target));
}

export async function runScaleBench(args: string[]) {
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const scales = (option("scales") ?? "10000,100000,1000000").split(",").map(Number);
  const loadSeconds = Number(option("load-seconds") ?? 10);
  const keep = option("keep");
  const explainMs = args.includes("--explain") ? Number(option("explain-ms") ?? 2) : null;
  // Only the load run, on the last scale (the reads and exports are skipped): for iterating on the request path.
  const loadOnly = args.includes("--load-only");

  const folder = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), "portal-bench-scale-"));
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(folder, "pg"),
    port: await freePort(),
    ephemeral: !keep,
  });
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  const urlOf = (name: string) => Object.assign(new URL(pg.url), { pathname: `/${name}` }).toString();
  const exists = async (name: string) => (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  try {
    if (keep) {
      // A kept cluster is a benchmark's scratch space: durability off as for the ephemeral one (both reloadable).
      await admin.unsafe("alter system set fsync = off");
      await admin.unsafe("alter system set synchronous_commit = off");
      await admin.unsafe("select pg_reload_conf()");
    }
    if (!(await exists("bench_template"))) {
      await admin.unsafe("create database bench_template");
      await migrateDatabase(urlOf("bench_template"));
      const { db } = openDb(urlOf("bench_template"));
      await seed(db, { demo: true, today: DEMO_2002_SNAPSHOT });
      await db.close();
    } else await migrateDatabase(urlOf("bench_template"));
    const results: ScaleResult[] = [];
    for (const target of scales) {
      const name = `bench_${target}`;
      // A data set counts as generated once its database carries the comment written after generation.
      const [done] = await admin`select shobj_description(oid, 'pg_database') as note from pg_database
                                 where datname = ${name}`;
      let counts: ScaleCounts;
      let generateMs = 0;
      if (done?.note === "scale data generated") {
        await migrateDatabase(urlOf(name));
        const { db } = openDb(urlOf(name));
        await db.execute(sql`analyze`);
        counts = await countScaleData(db);
        await db.close();
        console.log(`reused ${label(target)}: ${counts.disbursements} disbursements`);
      } else {
        if (done) await admin.unsafe(`drop database ${name}`);
        await admin.unsafe(`create database ${name} template bench_template`);
        await migrateDatabase(urlOf(name));
        const { db } = openDb(urlOf(name));
        const t0 = performance.now();
        counts = await generateScaleData(db, target);
        generateMs = performance.now() - t0;
        await db.close();
        await admin.unsafe(`comment on database ${name} is 'scale data generated'`);
        console.log(
          `generated ${label(target)}: ${counts.disbursements} disbursements in ${(generateMs / 1000).toFixed(1)} s`,
        );
      }
      if (!loadOnly) results.push(await measureScale(urlOf(name), target, counts, generateMs, explainMs));
    }
    const load = loadSeconds > 0 ? await loadRun(pg.url, urlOf(`bench_${scales[scales.length - 1]}`), loadSeconds) : [];
    if (loadOnly) printLoad(load, label(scales[scales.length - 1]!));
    else printTables(results, load);
  } finally {
    await admin.end({ timeout: 5 });
    await pg.stop();
    if (!keep) await rm(folder, { recursive: true, force: true });
  }
}
