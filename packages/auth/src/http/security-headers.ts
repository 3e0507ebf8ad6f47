import { type NextRequest, NextResponse } from "next/server";

/** Headers every response of either app carries, pages and API alike. */
function baseHeaders(https: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only meaningful (and only honoured) over https; sent there for two years, subdomains included.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * The page policy: scripts only with this response's nonce (Next.js reads it from the request's CSP header and puts
 * it on its own scripts); 'strict-dynamic' lets those load their chunks. Styles keep 'unsafe-inline' because React
 * and the chart library write style attributes, which a nonce cannot cover; no script runs from them.
 */
export function pagePolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents: nothing may run or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * The headers of every API response, set by the HTTP layer (packages/api/src/http/route-kit.ts) on what a route
 * handler answers: API routes skip the proxy, which costs a fresh request and response per call and is only needed
 * by pages (their nonce). Never stored by a browser or a shared cache.
 */
export function apiSecurityHeaders(request: Request): Record<string, string> {
  return {
    ...baseHeaders(isHttps(request)),
    "Content-Security-Policy": API_POLICY,
    "Cache-Control": "private, no-store",
  };
}

/**
 * The body of both apps' proxy.ts: a fresh nonce per page request (so pages must render dynamically), the request's
 * path for sign-in redirects, and the security headers. Auth.js's routes are the only API routes it sees (the others
 * get apiSecurityHeaders from the HTTP layer). API responses and signed-in pages are never stored by a browser or a
 * shared cache (`no-store`); the latter is also what Next sends for dynamic pages.
 */
export function withSecurityHeaders(request: NextRequest, sessionCookieName: string): NextResponse {
  const api = request.nextUrl.pathname.startsWith("/api/");
  const headers = new Headers(request.headers);
  let policy = API_POLICY;
  if (!api) {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
    policy = pagePolicy(nonce, process.env.NODE_ENV === "development");
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
    headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  }
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(baseHeaders(isHttps(request)))) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", policy);
  if (api || request.cookies.has(sessionCookieName) || request.cookies.has(`__Secure-${sessionCookieName}`)) {
    response.headers.set("Cache-Control", "no-store");
  }
  return response;
}
