import { randomBytes } from "node:crypto";
import { type DbOrTx, userSessions } from "@portal/db";
import { eq, sql } from "drizzle-orm";
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
 * user's sessions were last revoked (deactivation). Times are the database's, so every app instance agrees.
 */
export async function checkSessionRecord(
  db: DbOrTx,
  id: string,
  app: PortalApp,
  lifetime: SessionLifetime,
): Promise<LiveSession | null> {
  const rows = await db.execute<{
    user_id: string;
    second_factor: boolean;
    expires_at: string;
    auth_version: number;
    live: boolean;
    stale: boolean;
  }>(sql`
    select s.user_id, s.second_factor, s.expires_at, u.auth_version,
           (u.active
            and s.expires_at > now()
            and s.last_seen_at > now() - make_interval(secs => ${lifetime.idleSeconds})
            and s.created_at >= coalesce(u.sessions_revoked_at, '-infinity')) as live,
           s.last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}) as stale
      from user_sessions s join users u on u.id = s.user_id
     where s.id = ${id} and s.app = ${app}`);
  const row = rows[0];
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
    userId: row.user_id,
    secondFactor: row.second_factor,
    expiresAt: new Date(row.expires_at),
    authVersion: row.auth_version,
  };
}

export async function deleteSessionRecord(db: DbOrTx, id: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, id));
}
