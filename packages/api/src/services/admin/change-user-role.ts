import { type DbOrTx, memberships, organisations, users } from "@portal/db";
import type { Role } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { lockActiveAdmins, lockUserOrThrow, userSnapshot } from "./user-snapshot";

/**
 * Changes a user's role; it takes effect on their next request (the session is re-read every time).
 * Becoming a partner needs an organisation (a first membership, view only, is created unless they have one);
 * leaving the partner role removes their memberships, since staff act for the ministry and not for an organisation.
 * An admin may not change their own role, nor demote the last active admin.
 */
export async function changeUserRole(
  db: DbOrTx,
  actor: Actor,
  input: { userId: string; role: Role; organisationId?: string | null },
) {
  requireCapability(actor, "users.manage");
  if (input.userId === actor.userId) {
    throw refusal("FORBIDDEN", "ownRole", {}, "role");
  }
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUserOrThrow(tx, input.userId);
    if (user.role === input.role) return { id: user.id, role: user.role, changed: false };
    if (user.role === "admin" && user.active && admins.length === 1 && admins[0] === user.id) {
      throw refusal("CONFLICT", "lastAdmin", {}, "role");
    }
    const before = await userSnapshot(tx, user.id);
    if (input.role === "partner" && before?.memberships.length === 0) {
      if (!input.organisationId) {
        throw refusal("VALIDATION", "choosePartnerOrganisation", {}, "organisationId");
      }
      const [organisation] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, input.organisationId));
      if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation", {}, "organisationId");
      await tx.insert(memberships).values({ userId: user.id, organisationId: organisation.id, capabilities: ["view"] });
    }
    if (input.role !== "partner") await tx.delete(memberships).where(eq(memberships.userId, user.id));
    await tx.update(users).set({ role: input.role }).where(eq(users.id, user.id));
    await writeAudit(tx, actor, {
      action: "user.changeRole",
      entityType: AUDIT_ENTITY.user,
      entityId: user.id,
      before,
      after: await userSnapshot(tx, user.id),
    });
    return { id: user.id, role: input.role, changed: true };
  });
}
