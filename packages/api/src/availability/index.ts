import { databaseReachable } from "./database-probe";
import { readiness } from "./readiness";
import { unavailableResponse } from "./unavailable-response";

export { databaseReachable } from "./database-probe";
export { readiness, type Readiness } from "./readiness";
export { unavailableResponse } from "./unavailable-response";

const noStore = { "Cache-Control": "no-store" };

/** GET /api/health: the process is up (no database access: a load balancer must not kill instances for a DB outage). */
export function healthResponse(): Response {
  return Response.json(
    { status: "ok", buildId: process.env.PORTAL_RUNNING_BUILD_ID ?? null, uptimeSeconds: Math.round(process.uptime()) },
    { headers: noStore },
  );
}

/** GET /api/ready: 200 once the database answers and its migrations match this build, 503 otherwise. */
export async function readyResponse(): Promise<Response> {
  const state = await readiness();
  return Response.json(
    { status: state.ready ? "ready" : "unavailable", ...state },
    {
      status: state.ready ? 200 : 503,
      headers: noStore,
    },
  );
}

/**
 * For proxy.ts: the 503 to answer instead of the request when the database is unreachable, or null to go on. Without
 * it a page whose session cannot be read redirects to sign-in, which tells a signed-in person the wrong story.
 */
export async function databaseGate(request: Request): Promise<Response | null> {
  if (await databaseReachable()) return null;
  const path = new URL(request.url).pathname;
  return unavailableResponse(path.startsWith("/api/") ? "api" : "page");
}
