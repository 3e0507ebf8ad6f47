import { readFileSync } from "node:fs";

/** The command line of a live process, "" when alive but unknowable (no /proc), or null when it is gone. */
export function commandOf(pid: number): string | null {
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  if (process.platform !== "linux") return ""; // no /proc: the pid is alive, trust the pid file
  try {
    // A zombie still answers kill(pid, 0); where PID 1 never reaps orphans, it would look alive forever.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return null;
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return null;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}

// npm, npx, the script shell npm runs us in, and tsx's own wrapper process: launchers of the launcher.
const WRAPPER = /^(npm|npx)\b|^(\/usr)?(\/bin\/)?(sh|bash|dash) -c |tsx/;

/**
 * Our chain of wrapper processes (tsx, sh -c, npm), nearest first, up to the user's shell or process manager, which
 * are left out: `nohup npm start &` must survive its shell. Linux only; elsewhere just the parent.
 */
export function wrapperAncestors(): number[] {
  if (process.platform !== "linux") return process.ppid > 1 ? [process.ppid] : [];
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && chain.length < 8; pid = parentOf(pid)) {
    if (!WRAPPER.test(commandOf(pid) ?? "")) break;
    chain.push(pid);
  }
  return chain;
}
