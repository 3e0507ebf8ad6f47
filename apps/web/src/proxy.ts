import { databaseGate } from "@portal/api/availability";
import { withSecurityHeaders } from "@portal/auth/security-headers";
import type { NextRequest } from "next/server";

/**
 * Pages and Auth.js's routes: a database outage answers 503 (bilingual page or JSON), never a sign-in redirect;
 * otherwise a nonce-based CSP and the security headers, and pages learn their path (sign-in redirects).
 */
export async function proxy(request: NextRequest) {
  const unavailable = await databaseGate(request);
  if (unavailable) return unavailable;
  return withSecurityHeaders(request, "portal-web.session-token");
}

// A literal, as Next requires for static analysis. Immutable build assets bypass the proxy, and so do API routes but
// Auth.js's: the HTTP layer (@portal/api/http) gates them on the database and sets their headers, and a proxy pass
// costs every API call about half a millisecond of the server's CPU (tests/bench/README.md, session 6).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/(?!auth/)).*)"] };
