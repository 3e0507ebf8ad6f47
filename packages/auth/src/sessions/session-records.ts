import { randomBytes } from "node:crypto";
import { type DbOrTx, preparedRead, userSessions, users } from "@portal/db";
import { and, eq, sql } from "drizzle-orm";
import type { PortalApp } from "../config";

export interface SessionLifetime {
  absoluteSeconds: number;
  idleSeconds: number;
}

export interface LiveSession {
  id: string;
  userId: string;
  secondFactor: boolean;
  expiresAt: Date;
  /** Changes whenever what the session carries about the user changes (see migration 0007). */
  authVersion: number;
}

// The idle clock moves at most this often: a write per minute per active session instead of one per request.
const TOUCH_EVERY_SECONDS = 60;

export async function createSessionRecord(
  db: DbOrTx,
  input: { userId: string; app: PortalApp; secondFactor: boolean; lifetime: SessionLifetime },
): Promise<{ id: string; expiresAt: Date }> {
  const [row] = await db
    .insert(userSessions)
    .values({
      id: randomBytes(32).toString("base64url"),
      userId: input.userId,
      app: input.app,
      secondFactor: input.secondFactor,
      expiresAt: sql`now() + make_interval(secs => ${input.lifetime.absoluteSeconds})`,
    })
    .returning({ id: userSessions.id, expiresAt: userSessions.expiresAt });
  return row!;
}

/**
 * The one indexed query of a signed-in request: the session row by primary key joined to its user. A session is live
 * while its absolute expiry is ahead, it was seen within the idle timeout, its user is active and it began after the
 * user's sessions were last revoked (deactivation). Times are the database's, so every app instance agrees. Prepared:
 * every signed-in request sends it, so it is written once per pool and planned once per connection.
 */
const sessionCheck = preparedRead((db) =>
  db
    .select({
      userId: userSessions.userId,
      secondFactor: userSessions.secondFactor,
      expiresAt: userSessions.expiresAt,
      authVersion: users.authVersion,
      live: sql<boolean>`(${users.active}
        and ${userSessions.expiresAt} > now()
        and ${userSessions.lastSeenAt} > now() - make_interval(secs => ${sql.placeholder("idleSeconds")}::int)
        and ${userSessions.createdAt} >= coalesce(${users.sessionsRevokedAt}, '-infinity'))`,
      stale: sql<boolean>`${userSessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS})`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sql.placeholder("id")), eq(userSessions.app, sql.placeholder("app"))))
    .prepare("session_check"),
);

export async function checkSessionRecord(
  db: DbOrTx,
  id: string,
  app: PortalApp,
  lifetime: SessionLifetime,
): Promise<LiveSession | null> {
  const [row] = await sessionCheck(db).execute({ id, app, idleSeconds: lifetime.idleSeconds });
  if (!row) return null;
  if (!row.live) {
    await deleteSessionRecord(db, id);
    return null;
  }
  if (row.stale)
    await db
      .update(userSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(userSessions.id, id));
  return {
    id,
    userId: row.userId,
    secondFactor: row.secondFactor,
    expiresAt: row.expiresAt,
    authVersion: row.authVersion,
  };
}

export async function deleteSessionRecord(db: DbOrTx, id: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, id));
}
