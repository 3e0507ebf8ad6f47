import { type DbOrTx, invitations } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { revokeInvitationInput } from "@portal/domain";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { invitationState } from "./accept-invitation";
import { membershipCapabilitiesOf } from "./capabilities";

export { revokeInvitationInput } from "@portal/domain";

/** Withdraws an invitation not yet accepted: an admin any, a partner manager their organisation's. */
export async function revokeInvitation(db: DbOrTx, actor: Actor, invitationId: string) {
  if (!revokeInvitationInput.safeParse({ invitationId }).success) {
    throw refusal("NOT_FOUND", "noSuchInvitation");
  }
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
    if (!invitation) throw refusal("NOT_FOUND", "noSuchInvitation");
    if (actor.role !== "admin") {
      const orgId = invitation.organisationId;
      if (actor.role !== "partner" || !orgId || !actor.organisationIds.includes(orgId)) {
        throw refusal("NOT_FOUND", "noSuchInvitation");
      }
      const own = await membershipCapabilitiesOf(tx, actor.userId, orgId);
      if (!own?.includes("manage_members")) {
        throw refusal("FORBIDDEN", "noManageMembersPermission");
      }
    }
    const state = invitationState(invitation);
    if (state === "accepted") throw refusal("CONFLICT", "invitationAlreadyAccepted");
    if (state === "revoked") throw refusal("CONFLICT", "invitationAlreadyWithdrawn");
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(eq(invitations.id, invitationId))
      .returning();
    await writeAudit(tx, actor, {
      action: "invitation.revoke",
      entityType: AUDIT_ENTITY.invitation,
      entityId: invitationId,
      before: { state },
      after: { state: "revoked" },
    });
    const { tokenHash: _hash, ...rest } = revoked!;
    return rest;
  });
}
