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
}

/** What both apps read at run time (see turbo.json globalEnv); everything else is inherited. */
export function appEnvironment(runtime: AppRuntimeEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    DATABASE_URL: runtime.databaseUrl,
    AUTH_SECRET: runtime.authSecret,
    AUTH_TRUST_HOST: "true", // `next start` behind no proxy: without it Auth.js rejects the host (UntrustedHost)
    PORTAL_URL: runtime.portalUrl,
    ADMIN_URL: runtime.adminUrl,
  };
  env.NEXT_TELEMETRY_DISABLED ??= "1"; // a local run should not phone home (and often cannot)
  delete env.NODE_ENV; // next sets production or development itself; an inherited "test" only earns a warning
  delete env.PORT; // the port is given with -p
  return env;
}

/**
 * Builds both apps through turbo (its cache skips unchanged apps). Run-time settings are left out of the build's
 * environment: turbo hashes the globalEnv values, so a fresh random AUTH_SECRET or a test database URL would
 * otherwise defeat the cache, and a build must not depend on them anyway.
 */
export async function buildApps(): Promise<void> {
  const env = { ...process.env };
  for (const name of ["DATABASE_URL", "AUTH_SECRET", "AUTH_URL", "PORTAL_URL", "ADMIN_URL", "NODE_ENV"])
    delete env[name];
  const filters = Object.values(APPS).map((app) => `--filter=${app.packageName}`);
  const code = await runToCompletion(bin("turbo"), ["run", "build", ...filters], { cwd: repoRoot, env });
  if (code !== 0) throw new Error(`Building the apps failed (turbo exited with ${code}).`);
}

export function isBuilt(name: AppName): boolean {
  return existsSync(path.join(APPS[name].dir, ".next", "BUILD_ID"));
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

/** Runs `next start` (or `next dev`) in the app's folder, spawning next's own binary so signals reach it. */
export function startApp(name: AppName, options: StartAppOptions): ManagedChild {
  if (options.mode === "start" && !isBuilt(name)) {
    throw new Error(`apps/${name} has no production build (.next/BUILD_ID): build it first (npm run build).`);
  }
  const args = [options.mode, "-p", String(options.port), ...(options.hostname ? ["-H", options.hostname] : [])];
  return spawnManaged(name, bin("next"), args, {
    cwd: APPS[name].dir,
    env: options.env,
    output: options.output,
    pidFile: options.trackPid ? pidFileOf(name) : undefined,
  });
}
