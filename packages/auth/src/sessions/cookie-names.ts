import type { PortalApp } from "../config";

/** Cookies are secure (and `__Secure-` prefixed) when the app is served over https. */
export function servedOverHttps(app: PortalApp): boolean {
  return (process.env.AUTH_URL ?? process.env[app === "web" ? "PORTAL_URL" : "ADMIN_URL"] ?? "").startsWith("https://");
}

/** Each app has its own names, because the two apps share a host and cookies ignore ports. */
export function authCookieName(app: PortalApp, name: string): string {
  return `${servedOverHttps(app) ? "__Secure-" : ""}portal-${app}.${name}`;
}

export const sessionCookieName = (app: PortalApp) => authCookieName(app, "session-token");
