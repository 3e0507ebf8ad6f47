import { readFileSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { runDir } from "./paths";
import { commandOf } from "./process-command";

const LOCK = path.join(runDir, "launcher.pid");

/**
 * One launcher per checkout. Knowing that the previous one is really gone is what makes it safe to stop the apps
 * and the database it left behind after a kill -9.
 */
export async function acquireLauncherLock(): Promise<void> {
  let previous = NaN;
  try {
    previous = Number(readFileSync(LOCK, "utf8").trim());
  } catch {
    // no previous launcher
  }
  if (Number.isInteger(previous) && previous > 0 && previous !== process.pid) {
    const command = commandOf(previous);
    if (command !== null && (command === "" || /node|tsx/.test(command))) {
      throw new Error(`The portal is already running from this folder (launcher pid ${previous}). Stop it first.`);
    }
  }
  await mkdir(runDir, { recursive: true });
  await writeFile(LOCK, `${process.pid}\n`);
  process.on("exit", () => {
    try {
      if (readFileSync(LOCK, "utf8").trim() === String(process.pid)) rmSync(LOCK);
    } catch {
      // already gone
    }
  });
}
