import NextAuth from "next-auth";
import { buildAuthConfig, type PortalApp } from "./config";
import { currentSession } from "./sessions/current-session";

export type { SessionUser } from "./session-user";
export type { PortalApp } from "./config";
export type { PortalSession } from "./sessions/current-session";
export { AuthError, CredentialsSignin } from "next-auth";

/**
 * The lazy form builds the configuration on first use, so `next build` never opens the database or reads secrets.
 * `auth()` is the cheap reader of this request's session (see sessions/current-session.ts); Auth.js itself handles
 * sign-in, sign-out and its own routes.
 */
export function createAuth(app: PortalApp) {
  const { handlers, signIn, signOut } = NextAuth(() => buildAuthConfig(app));
  return { handlers, signIn, signOut, auth: () => currentSession(app) };
}
