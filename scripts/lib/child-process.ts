import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { commandOf } from "./process-command";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<Exit>;
  /** SIGTERM to the child's whole process group, SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** Synchronous last resort, for a second Ctrl-C. */
  kill: () => void;
}

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Receives each output line; defaults to the console with a `[name]` prefix. */
  output?: (line: string) => void;
  /** Records the pid in this file while running, so a relaunch after kill -9 can find and stop it. */
  pidFile?: string;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the process group: `next dev` has children of its own.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Each child gets its own process group (detached) so that stopping it also stops what it spawned, and so that the
 * launcher decides the order of shutdown: apps first, database last.
 */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions): ManagedChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = options.output ?? ((line: string) => console.log(`[${name}] ${line}`));
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", output);
  }
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      output(`failed to start: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  const pidFile = options.pidFile;
  if (pidFile && child.pid) {
    // Synchronous on purpose: an async write could land after a quick exit's removal and leave a stale file.
    mkdirSync(path.dirname(pidFile), { recursive: true });
    writeFileSync(pidFile, `${child.pid}\n`);
    child.once("exit", () => rmSync(pidFile, { force: true }));
  }
  const isRunning = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;

  return {
    name,
    process: child,
    exited,
    async stop(graceMs = 10_000) {
      if (!isRunning() || !child.pid) return;
      signalGroup(child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      signalGroup(child.pid, "SIGKILL"); // whatever of the group outlived its leader
    },
    kill() {
      if (child.pid) signalGroup(child.pid, "SIGKILL");
    },
  };
}

/**
 * Stops a process group left behind by a launcher that was killed with -9 (its pid file survived). The command line
 * must still look like `expected`, so a pid reused by an unrelated program is never touched.
 */
export async function stopLeftover(pidFile: string, expected: RegExp): Promise<number | null> {
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
  await rm(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const command = commandOf(pid);
  if (command === null || (command !== "" && !expected.test(command))) return null;
  signalGroup(pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && commandOf(pid) !== null; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(pid, "SIGKILL");
  return pid;
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: "inherit" });
    child.once("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** Runs a command to completion, capturing stdout and stderr together; resolves with its exit code and output. */
export function runToCompletionCapturing(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (error) => resolve({ code: 127, output: `${output}${error.message}` }));
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
