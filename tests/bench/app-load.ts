/**
 * The load run of `npm run bench -- --scale` through the real request path: the web app's own standalone build
 * (`next start`, as scripts/serve.ts runs it) connected as a least-privilege app role, a demo officer signed in
 * through Auth.js's credentials endpoint for a real session cookie, then autocannon on a minimal route handler of the
 * same app (`/api/health`: no database, no session, bypasses the proxy) as the floor, and on
 * `/api/trpc/grants.list` with the cookie (proxy, session check, tRPC, the service, superjson).
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { appEnvironment, buildApps, startApp } from "../../scripts/lib/apps";
import { waitForHttp } from "../../scripts/lib/http";
import { freePort } from "../../scripts/lib/ports";

export interface LoadFigure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) of the serving process per request answered in the measured run, or null off Linux. */
  serverCpuMs: number | null;
}

export interface LoadTarget {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** The pid of the process serving `url`, whose CPU time per request is reported. */
  serverPid?: number;
}

// Linux's USER_HZ: /proc/<pid>/stat counts CPU time in hundredths of a second on every kernel this bench runs on.
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds a process has used so far (null where /proc is not there). Per request, it is steadier than req/s
 * on a shared machine: other processes' load lengthens the queue, far less the CPU a request takes.
 */
async function cpuMsOf(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The login role the bench's app connects as: a member of portal_runtime (migration 0008), as DEPLOYING.md says. */
const APP_ROLE = { name: "bench_app", password: "bench_app" };
const OFFICER = { email: "officer@example.org", password: "demo-password-2001" };

/** Creates (or keeps) the bench's app role on the cluster and returns `databaseUrl` as that role. */
export async function appRoleUrl(superuserUrl: string, databaseUrl: string): Promise<string> {
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const [present] = await admin`select 1 from pg_roles where rolname = ${APP_ROLE.name}`;
    await admin.unsafe(
      `${present ? "alter" : "create"} role ${APP_ROLE.name} login password '${APP_ROLE.password}' nosuperuser`,
    );
    await admin.unsafe(`grant portal_runtime to ${APP_ROLE.name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(databaseUrl);
  url.username = APP_ROLE.name;
  url.password = APP_ROLE.password;
  return url.toString();
}

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]!);
}

/** Signs the demo officer in through Auth.js's credentials endpoint; returns the Cookie header of the session. */
export async function signInOfficer(origin: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ ...OFFICER, csrfToken, callbackUrl: `${origin}/grants` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith("portal-web.session-token="));
  if (!session) throw new Error(`signing in answered ${response.status} without a session cookie`);
  return session;
}

/** Seconds of load before each measured run, not counted: JIT, pools and Next's lazily loaded modules warm up. */
const WARM_UP_SECONDS = 3;

/** autocannon with 100 connections on each target in turn, each after a warm-up of its own. */
export async function loadTargets(targets: LoadTarget[], seconds: number): Promise<LoadFigure[]> {
  const { default: autocannon } = await import("autocannon");
  const figures: LoadFigure[] = [];
  for (const target of targets) {
    const check = await fetch(target.url, { headers: target.headers });
    if (!check.ok) throw new Error(`${target.name} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
    await check.arrayBuffer();
    const load = { url: target.url, headers: target.headers, connections: 100 };
    await autocannon({ ...load, duration: WARM_UP_SECONDS });
    const cpuBefore = await cpuMsOf(target.serverPid);
    const result = await autocannon({ ...load, duration: seconds });
    const cpuAfter = await cpuMsOf(target.serverPid);
    figures.push({
      name: target.name,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      serverCpuMs:
        cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
    });
  }
  return figures;
}

/** The grant list's first page (25 rows), as the list page asks for it, as a tRPC GET. */
export const GRANT_LIST_PATH = `/api/trpc/grants.list?input=${encodeURIComponent(JSON.stringify({ json: { pageSize: 25 } }))}`;

/**
 * The built web app against `databaseUrl` (the app role's), the floor and the grant list loaded in turn. Builds the
 * app first through turbo, whose cache makes that instant when nothing changed, so the figures are of this tree.
 */
export async function appLoadRun(databaseUrl: string, seconds: number): Promise<LoadFigure[]> {
  await buildApps(["web"]);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const env = appEnvironment({
    databaseUrl,
    authSecret: randomBytes(32).toString("base64url"),
    portalUrl: origin,
    adminUrl: `http://127.0.0.1:${await freePort()}`,
  });
  const app = startApp("web", {
    port,
    mode: "start",
    env,
    hostname: "127.0.0.1",
    output: (line) => {
      log.push(line);
      if (log.length > 40) log.shift();
    },
  });
  try {
    await waitForHttp(`${origin}/api/health`, { timeoutMs: 60_000, gaveUp: app.exited });
    const cookie = await signInOfficer(origin);
    return await loadTargets(
      [
        { name: "Next route handler /api/health (floor)", url: `${origin}/api/health`, serverPid: app.process.pid },
        {
          name: "grants.list, signed in (Next)",
          url: `${origin}${GRANT_LIST_PATH}`,
          headers: { cookie },
          serverPid: app.process.pid,
        },
      ],
      seconds,
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- web app ---\n${log.join("\n")}`);
  } finally {
    await app.stop();
  }
}
