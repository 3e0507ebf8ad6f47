import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ProcessInfo {
  pid: number;
  parentPid: number;
  /** Zombies answer kill(pid, 0) although they are gone; containers whose PID 1 never reaps them keep them around. */
  zombie: boolean;
  command: string;
}

async function fromProc(pid: number): Promise<ProcessInfo | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  // The command name sits in parentheses and may itself contain spaces or parentheses: split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return {
    pid,
    parentPid: Number(fields[1]),
    zombie: fields[0] === "Z",
    command: cmdline.replaceAll("\0", " ").trim(),
  };
}

async function fromPs(pid: number): Promise<ProcessInfo | null> {
  try {
    const { stdout } = await run("ps", ["-o", "ppid=,stat=,command=", "-p", String(pid)]);
    const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(stdout.trim());
    if (!match) return null;
    return { pid, parentPid: Number(match[1]), zombie: (match[2] ?? "").startsWith("Z"), command: match[3] ?? "" };
  } catch {
    return null;
  }
}

/** A live process's parent and command line, or null when it does not exist (or is a zombie). */
export async function processInfo(pid: number): Promise<ProcessInfo | null> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  const info = process.platform === "linux" ? await fromProc(pid) : await fromPs(pid);
  return info && !info.zombie ? info : null;
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await processInfo(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !(await processInfo(pid));
}

/** Asks a process to stop with each signal in turn, giving it `graceMs` each time; true once it is gone. */
export async function stopProcess(pid: number, signals: NodeJS.Signals[], graceMs: number): Promise<boolean> {
  for (const signal of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return true;
    }
    if (await waitUntilGone(pid, graceMs)) return true;
  }
  return false;
}
