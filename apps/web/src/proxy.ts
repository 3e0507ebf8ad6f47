import { databaseGate } from "@portal/api/availability";
import { withSecurityHeaders } from "@portal/auth/security-headers";
import type { NextRequest } from "next/server";

/**
 * A database outage answers 503 (bilingual page or JSON), never a sign-in redirect; otherwise a nonce-based CSP and
 * the security headers on every response, and pages learn their path (sign-in redirects).
 */
export async function proxy(request: NextRequest) {
  const unavailable = await databaseGate(request);
  if (unavailable) return unavailable;
  return withSecurityHeaders(request, "portal-web.session-token");
}

// A literal, as Next requires for static analysis. Health probes and immutable build assets bypass the proxy.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health|api/ready).*)"] };
