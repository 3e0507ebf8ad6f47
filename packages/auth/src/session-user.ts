import { type Database, memberships, users } from "@portal/db";
import type { Role } from "@portal/domain";
import { eq } from "drizzle-orm";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: "en" | "fr";
  organisationIds: string[];
}

/**
 * The user as the database says now. Called on every request, so deactivation or a role change takes effect on the
 * next request rather than when the token expires. Returns null for unknown or deactivated users. Whether the
 * session itself still counts (begun after the account's sessions were last revoked, by deactivation or a password
 * reset) is the session record's check (sessions/session-records.ts), made before this is called.
 */
export async function loadSessionUser(db: Database, userId: string): Promise<SessionUser | null> {
  const rows = await db
    .select({ user: users, organisationId: memberships.organisationId })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || !first.user.active) return null;
  const { id, name, email, role, locale } = first.user;
  return {
    id,
    name,
    email,
    role,
    locale,
    organisationIds: role === "partner" ? rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])) : [],
  };
}

// Across requests, the session user (with memberships) is reused for a short while, and only while the user's
// auth_version is the one the session check just read: a role, membership or activity change shows at once.
const CACHE_SECONDS = 30;
const CACHE_MAX = 5_000;
const cached = new Map<string, { version: number; user: SessionUser; until: number }>();

export async function cachedSessionUser(db: Database, userId: string, version: number): Promise<SessionUser | null> {
  const hit = cached.get(userId);
  if (hit && hit.version === version && hit.until > Date.now()) return hit.user;
  const user = await loadSessionUser(db, userId);
  if (!user) {
    cached.delete(userId);
    return null;
  }
  if (cached.size >= CACHE_MAX) cached.delete(cached.keys().next().value!);
  cached.set(userId, { version, user, until: Date.now() + CACHE_SECONDS * 1000 });
  return user;
}
