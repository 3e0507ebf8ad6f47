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
 * next request rather than when the token expires. Returns null for unknown or deactivated users, and for sessions
 * started (`signedInAt`, ms) before the account's sessions were revoked.
 */
export async function loadSessionUser(db: Database, userId: string, signedInAt?: number): Promise<SessionUser | null> {
  const rows = await db
    .select({ user: users, organisationId: memberships.organisationId })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || !first.user.active) return null;
  // A session that began before the account was last deactivated stays dead even after reactivation.
  const revokedAt = first.user.sessionsRevokedAt?.getTime();
  if (revokedAt !== undefined && (signedInAt === undefined || signedInAt < revokedAt)) return null;
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
