import { type DbOrTx, userSessions } from "@portal/db";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { lockUserOrThrow } from "../admin/user-snapshot";

/**
 * Ends every session of a user, in both apps: the rows go, so each of their cookies stops working on its next
 * request. The user can sign in again (unlike deactivation).
 */
export async function endUserSessions(db: DbOrTx, actor: Actor, input: { userId: string }) {
  requireCapability(actor, "users.manage");
  return db.transaction(async (tx) => {
    const user = await lockUserOrThrow(tx, input.userId);
    const ended = await tx
      .delete(userSessions)
      .where(eq(userSessions.userId, user.id))
      .returning({ app: userSessions.app });
    await writeAudit(tx, actor, {
      action: "user.end_sessions",
      entityType: AUDIT_ENTITY.user,
      entityId: user.id,
      before: { sessions: ended.length },
      after: { sessions: 0 },
    });
    return { userId: user.id, ended: ended.length };
  });
}

/** How many live sessions a user has, for the admin's user page. */
export async function countUserSessions(db: DbOrTx, actor: Actor, input: { userId: string }) {
  requireCapability(actor, "users.manage");
  const rows = await db
    .select({ app: userSessions.app, expiresAt: userSessions.expiresAt, lastSeenAt: userSessions.lastSeenAt })
    .from(userSessions)
    .where(eq(userSessions.userId, input.userId));
  const now = Date.now();
  return { active: rows.filter((row) => row.expiresAt.getTime() > now).length };
}
