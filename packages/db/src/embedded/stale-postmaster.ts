import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { processInfo, stopProcess } from "./process-info";

export interface RunningPostmaster {
  pid: number;
  port: number;
  /** The Node process that started it, or null when it was orphaned (its launcher was killed). */
  ownerPid: number | null;
}

/** postmaster.pid: line 1 the pid, line 4 the port (PostgreSQL's documented lock file layout). */
async function readPidFile(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (text === null) return null;
  const lines = text.split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/**
 * The server recorded in dataDir's postmaster.pid, if it still runs. Its owner is judged by its parent: a launcher
 * killed with -9 leaves the postmaster running, reparented to PID 1 or to some non-Node subreaper.
 */
export async function runningPostmaster(dataDir: string): Promise<RunningPostmaster | null> {
  const recorded = await readPidFile(dataDir);
  if (!recorded || !Number.isInteger(recorded.pid) || recorded.pid <= 0) return null;
  const info = await processInfo(recorded.pid);
  if (!info || !/postgres/.test(info.command)) return null; // gone, or the pid now belongs to something else
  const parent = info.parentPid > 1 ? await processInfo(info.parentPid) : null;
  const ownedByNode = parent !== null && /\bnode\b|tsx|vitest|playwright/i.test(parent.command);
  return { pid: recorded.pid, port: recorded.port, ownerPid: ownedByNode ? parent.pid : null };
}

/**
 * Makes dataDir startable after a crash: an orphaned postmaster is stopped (fast shutdown, then harder), and a lock
 * file whose pid is dead or reused is removed, since PostgreSQL would otherwise refuse to start on it.
 */
export async function clearStalePostmaster(dataDir: string, note: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const recorded = await readPidFile(dataDir);
  if (!recorded) return;
  const running = await runningPostmaster(dataDir);
  if (!running) {
    note(`removing stale ${pidFile} (process ${recorded.pid} is gone)`);
    await rm(pidFile, { force: true });
    return;
  }
  if (running.ownerPid !== null) {
    throw new Error(
      `PostgreSQL in ${dataDir} is already running (pid ${running.pid}, port ${running.port}), started by process ` +
        `${running.ownerPid}. Stop that process first, or connect to the running server.`,
    );
  }
  note(`stopping PostgreSQL left running by a previous launcher (pid ${running.pid})`);
  const stopped = await stopProcess(running.pid, ["SIGINT", "SIGQUIT", "SIGKILL"], 10_000);
  if (!stopped) throw new Error(`Could not stop the orphaned PostgreSQL process ${running.pid}; stop it by hand.`);
  await rm(pidFile, { force: true });
}
