import NextAuth from "next-auth";
import { buildAuthConfig, type PortalApp } from "./config";

export type { SessionUser } from "./session-user";
export type { PortalApp } from "./config";
export { AuthError, CredentialsSignin } from "next-auth";

/** The lazy form builds the configuration on first use, so `next build` never opens the database or reads secrets. */
export function createAuth(app: PortalApp) {
  return NextAuth(() => buildAuthConfig(app));
}
