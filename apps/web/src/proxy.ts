import { withSecurityHeaders } from "@portal/auth/security-headers";
import type { NextRequest } from "next/server";

/** A nonce-based CSP and the security headers on every response; pages also learn their path (sign-in redirects). */
export function proxy(request: NextRequest) {
  return withSecurityHeaders(request, "portal-web.session-token");
}

// A literal, as Next requires for static analysis (the same list as PROXY_MATCHER in @portal/auth).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
