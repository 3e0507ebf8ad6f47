import { type DbOrTx, memberships } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { lockUserOrThrow } from "./user-snapshot";

/**
 * Takes a partner out of an organisation; from their next request they see nothing of it. A partner keeps at least
 * one membership (deactivate them instead), so a partner account never exists that belongs nowhere.
 */
export async function removeMembership(db: DbOrTx, actor: Actor, input: { userId: string; organisationId: string }) {
  requireCapability(actor, "users.manage");
  return db.transaction(async (tx) => {
    const user = await lockUserOrThrow(tx, input.userId);
    const rows = await tx.select().from(memberships).where(eq(memberships.userId, user.id));
    const membership = rows.find((row) => row.organisationId === input.organisationId);
    if (!membership) throw refusal("NOT_FOUND", "notAMember");
    if (user.role === "partner" && rows.length === 1) {
      throw refusal("CONFLICT", "partnerNeedsOrganisation", {}, "organisationId");
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, input.organisationId)));
    await writeAudit(tx, actor, {
      action: "membership.delete",
      entityType: AUDIT_ENTITY.membership,
      entityId: membership.id,
      before: {
        userId: membership.userId,
        organisationId: membership.organisationId,
        capabilities: membership.capabilities,
      },
      after: null,
    });
    return { removed: true };
  });
}
