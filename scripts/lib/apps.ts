import { existsSync } from "node:fs";
import path from "node:path";
import { runToCompletion, spawnManaged, type ManagedChild } from "./child-process";
import { bin, repoRoot, runDir } from "./paths";

export type AppName = "web" | "admin";

export const APPS: Record<AppName, { label: string; packageName: string; dir: string }> = {
  web: { label: "Portal", packageName: "@portal/web", dir: path.join(repoRoot, "apps", "web") },
  admin: { label: "Admin console", packageName: "@portal/admin", dir: path.join(repoRoot, "apps", "admin") },
};

export interface AppRuntimeEnv {
  databaseUrl: string;
  authSecret: string;
  portalUrl: string;
  adminUrl: string;
  /** "production" makes the apps' start-up checks strict (scripts/serve.ts); the demo and tests run as "demo". */
  mode?: "demo" | "production";
}

/** What both apps read at run time (see turbo.json globalEnv); everything else is inherited. */
export function appEnvironment(runtime: AppRuntimeEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // A plain record: Next's types make NODE_ENV a required, read-only key of ProcessEnv, and it is removed here.
  const env: Record<string, string | undefined> = {
    ...base,
    DATABASE_URL: runtime.databaseUrl,
    AUTH_SECRET: runtime.authSecret,
    AUTH_TRUST_HOST: "true", // `next start` behind no proxy: without it Auth.js rejects the host (UntrustedHost)
    PORTAL_URL: runtime.portalUrl,
    ADMIN_URL: runtime.adminUrl,
    PORTAL_MODE: runtime.mode ?? "demo",
  };
  env.NEXT_TELEMETRY_DISABLED ??= "1"; // a local run should not phone home (and often cannot)
  delete env.NODE_ENV; // next sets production or development itself; an inherited "test" only earns a warning
  delete env.PORT; // the port is given with -p
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed where Next's global types (the tests project) make NODE_ENV a required key
  return env as NodeJS.ProcessEnv;
}

/**
 * Builds both apps through turbo (its cache skips unchanged apps). Run-time settings are left out of the build's
 * environment: turbo hashes the globalEnv values, so a fresh random AUTH_SECRET or a test database URL would
 * otherwise defeat the cache, and a build must not depend on them anyway.
 */
export async function buildApps(names: readonly AppName[] = Object.keys(APPS) as AppName[]): Promise<void> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ["DATABASE_URL", "DATABASE_OWNER_URL", "AUTH_SECRET", "AUTH_URL", "PORTAL_URL", "ADMIN_URL"])
    delete env[name];
  delete env.NODE_ENV;
  const filters = names.map((name) => `--filter=${APPS[name].packageName}`);
  const code = await runToCompletion(bin("turbo"), ["run", "build", "--output-logs=errors-only", ...filters], {
    cwd: repoRoot,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed where Next's global types (the tests project) make NODE_ENV a required key
    env: env as NodeJS.ProcessEnv,
  });
  if (code !== 0)
    throw new Error(`Building ${names.map((name) => `apps/${name}`).join(", ")} failed (turbo exited with ${code}).`);
}

/** Where `next build` puts an app's self-contained server (output: "standalone", traced from the repo root). */
export function standaloneDirOf(name: AppName): string {
  return path.join(APPS[name].dir, ".next", "standalone", "apps", name);
}

export function isBuilt(name: AppName): boolean {
  return existsSync(path.join(standaloneDirOf(name), "server.js"));
}

export function pidFileOf(name: AppName): string {
  return path.join(runDir, `${name}.pid`);
}

export interface StartAppOptions {
  port: number;
  mode: "start" | "dev";
  env: NodeJS.ProcessEnv;
  hostname?: string;
  output?: (line: string) => void;
  /** Keep a pid file in .data/run so a relaunch can stop what a killed launcher left behind. */
  trackPid?: boolean;
}

/**
 * Runs the built app's standalone server through scripts/next-server.mjs (drains on SIGTERM), or `next dev`,
 * spawning node or next's own binary directly so signals reach it.
 */
export function startApp(name: AppName, options: StartAppOptions): ManagedChild {
  const spawnOptions = {
    cwd: APPS[name].dir,
    env: options.env,
    output: options.output,
    pidFile: options.trackPid ? pidFileOf(name) : undefined,
  };
  if (options.mode === "dev") {
    const args = ["dev", "-p", String(options.port), ...(options.hostname ? ["-H", options.hostname] : [])];
    return spawnManaged(name, bin("next"), args, spawnOptions);
  }
  if (!isBuilt(name)) {
    throw new Error(`apps/${name} has no production build (${standaloneDirOf(name)}): run npm run build first.`);
  }
  const env = { ...options.env, PORT: String(options.port), HOSTNAME: options.hostname ?? "0.0.0.0" };
  return spawnManaged(
    name,
    process.execPath,
    [path.join(repoRoot, "scripts", "next-server.mjs"), standaloneDirOf(name)],
    {
      ...spawnOptions,
      env,
    },
  );
}
