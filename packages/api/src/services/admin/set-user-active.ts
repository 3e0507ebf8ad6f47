import { type DbOrTx, users } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { lockActiveAdmins, lockUserOrThrow, userSnapshot } from "./user-snapshot";

/**
 * Deactivates or reactivates a user. The auth layer re-reads the user on every request, so a deactivated user's
 * sessions stop working on their next request. An admin may not deactivate themself, nor the last active admin.
 */
export async function setUserActive(db: DbOrTx, actor: Actor, input: { userId: string; active: boolean }) {
  requireCapability(actor, "users.manage");
  if (!input.active && input.userId === actor.userId) {
    throw refusal("FORBIDDEN", "ownDeactivation", {}, "active");
  }
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUserOrThrow(tx, input.userId);
    if (user.active === input.active) return { id: user.id, active: user.active, changed: false };
    if (!input.active && admins.length === 1 && admins[0] === user.id) {
      throw refusal("CONFLICT", "lastAdmin", {}, "active");
    }
    const before = await userSnapshot(tx, user.id);
    await tx
      .update(users)
      .set(input.active ? { active: true } : { active: false, sessionsRevokedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: AUDIT_ENTITY.user,
      entityId: user.id,
      before,
      after: await userSnapshot(tx, user.id),
    });
    return { id: user.id, active: input.active, changed: true };
  });
}
