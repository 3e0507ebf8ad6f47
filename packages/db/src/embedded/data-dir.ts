import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, readFile, readlink, rmdir, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PosixUser } from "./posix-user";
import { firstBlockedDirectory, firstReachable } from "./reachability";

/** How a path is shown in messages: relative when under the working folder, so the advice reads "delete .data/pg". */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : dir;
}

/**
 * The folder PostgreSQL will actually use for `dataDir`. As root the server runs as `postgres`, which must be able to
 * enter every parent folder; a checkout under a 0700 home folder is closed to it. Then the data lives in a folder it
 * can reach (under /var/tmp, which survives reboots) and `dataDir` becomes a symlink to it, so the layout the rest of
 * the project sees is unchanged.
 */
export async function resolveDataDir(
  dataDir: string,
  runAs: PosixUser | null,
  note: (line: string) => void,
): Promise<string> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (!runAs) return dataDir;

  const existing = await lstat(dataDir).catch(() => null);
  if (existing?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(dataDir), await readlink(dataDir));
    await mkdir(target, { recursive: true });
    return target;
  }
  const blocked = await firstBlockedDirectory(path.dirname(dataDir), runAs);
  if (!blocked) return dataDir;

  if (existing) {
    if ((await readdir(dataDir)).length > 0) {
      throw new Error(
        `PostgreSQL runs as "${runAs.name}", which cannot enter ${blocked} to reach ${dataDir}. ` +
          `Move the checkout to an open folder, or move ${displayPath(dataDir)} elsewhere and leave a symlink to it.`,
      );
    }
    await rmdir(dataDir);
  }
  const base = await firstReachable(["/var/tmp", os.tmpdir(), "/tmp"], runAs);
  const target = path.join(base, `portal-pg-data-${createHash("sha256").update(dataDir).digest("hex").slice(0, 12)}`);
  await mkdir(target, { recursive: true });
  await symlink(target, dataDir, "dir");
  note(
    `${blocked} is closed to the "${runAs.name}" user: keeping the database in ${target} (linked from ${displayPath(dataDir)})`,
  );
  return target;
}

export type ClusterState = { kind: "absent" } | { kind: "ready"; major: number };

/**
 * Whether dataDir already holds a cluster, so initialise() (which fails on a non-empty folder) is skipped. There is
 * no pg_upgrade in the package, so a cluster from another major version cannot be opened: say how to start over.
 */
export async function inspectCluster(dataDir: string, expectedMajor: number): Promise<ClusterState> {
  const version = await readFile(path.join(dataDir, "PG_VERSION"), "utf8").catch(() => null);
  if (version === null) {
    const entries = await readdir(dataDir).catch(() => []);
    if (entries.length > 0) {
      throw new Error(
        `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION), e.g. after an interrupted first ` +
          `start. Delete ${displayPath(dataDir)} and start again.`,
      );
    }
    return { kind: "absent" };
  }
  const major = Number(version.trim());
  if (major !== expectedMajor) {
    throw new Error(
      `The database in ${displayPath(dataDir)} was created by PostgreSQL ${major}, but this checkout ships ` +
        `PostgreSQL ${expectedMajor} and no upgrade tool. Delete ${displayPath(dataDir)} (its local data is lost; ` +
        `the seed recreates the demo data) and start again.`,
    );
  }
  return { kind: "ready", major };
}
