/** Methods that change state; only these are checked (a GET never acts, so a cross-site link is harmless). */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origins this request may legitimately come from: its own URL's, and the one a reverse proxy says it serves. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set([new URL(request.url).origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
    origins.add(`${proto.split(",")[0]?.trim()}://${host.split(",")[0]?.trim()}`);
  }
  return origins;
}

/**
 * CSRF defence for every state-changing request (OWASP's "verifying origin with standard headers"): a browser says
 * where a request comes from in Sec-Fetch-Site (modern browsers) and Origin (every browser on a POST). A request that
 * another site made is refused whatever its cookies. A request with neither header is not from a browser page (curl,
 * a server), so it cannot ride on a victim's cookies and is let through.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !ownOrigins(request).has(origin);
}
