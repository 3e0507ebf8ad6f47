import { getDb } from "@portal/db/runtime";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { PortalApp } from "../config";
import { authEnv } from "../env";
import { cachedSessionUser, type SessionUser } from "../session-user";
import { sessionCookieName } from "./cookie-names";
import { checkSessionRecord } from "./session-records";

export interface PortalSession {
  user: SessionUser;
  /** The absolute end of this session (ISO). */
  expires: string;
  /** Whether this sign-in proved a second factor. */
  secondFactor: boolean;
  sessionId: string;
}

// Decrypting the cookie is the costly part of a signed-in request; its outcome depends only on the cookie's value.
const decoded = new Map<string, { sid: string; exp: number }>();
const DECODED_MAX = 5_000;

async function sessionIdOf(app: PortalApp, value: string): Promise<string | null> {
  const hit = decoded.get(value);
  if (hit) return hit.exp * 1000 > Date.now() ? hit.sid : null;
  const claims = await decode({ token: value, secret: authEnv().secret, salt: sessionCookieName(app) }).catch(
    () => null,
  );
  if (!claims || typeof claims.sid !== "string" || typeof claims.exp !== "number") return null;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { sid: claims.sid, exp: claims.exp });
  return claims.sid;
}

/**
 * The session of this request, read without Auth.js's round trip: the cookie (decrypted once per distinct value), one
 * indexed query on the session row (so signing out, an admin ending sessions or deactivation is immediate), and the
 * user from a short cache keyed by the user's auth_version. Nothing is written back to the cookie, so the cookie is
 * not re-issued on every request; it expires at the session's absolute end. Apps wrap this in React's cache().
 */
export async function currentSession(app: PortalApp): Promise<PortalSession | null> {
  const value = (await cookies()).get(sessionCookieName(app))?.value;
  if (!value) return null;
  const sid = await sessionIdOf(app, value);
  if (!sid) return null;
  const db = getDb();
  const live = await checkSessionRecord(db, sid, app, authEnv().sessionLifetime);
  if (!live) return null;
  const user = await cachedSessionUser(db, live.userId, live.authVersion);
  if (!user || (app === "admin" && user.role !== "admin")) return null;
  return { user, expires: live.expiresAt.toISOString(), secondFactor: live.secondFactor, sessionId: live.id };
}
