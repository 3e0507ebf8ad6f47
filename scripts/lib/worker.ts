import path from "node:path";
import { spawnManaged, type ManagedChild } from "./child-process";
import { bin, repoRoot, runDir } from "./paths";

export const workerPidFile = path.join(runDir, "worker.pid");

/**
 * The background worker (packages/jobs: pg-boss queue, schedules, e-mail) as one more child of the launcher, with
 * the apps' environment. Production runs it on its own with `npm run worker`.
 */
export function startWorker(env: NodeJS.ProcessEnv, output?: (line: string) => void): ManagedChild {
  return spawnManaged("worker", bin("tsx"), [path.join(repoRoot, "packages", "jobs", "src", "main.ts")], {
    cwd: repoRoot,
    env,
    output,
    // Only the launcher's own worker is tracked, so a relaunch after kill -9 can stop it.
    pidFile: output ? undefined : workerPidFile,
  });
}

/** Where `npm start` tells people to read e-mail when no SMTP server is configured. */
export function mailLine(adminUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.SMTP_URL
    ? "E-mail:         sent through SMTP_URL"
    : `E-mail:         SMTP_URL is not set: messages are kept in the outbox, ${adminUrl}/jobs/outbox`;
}
