import { type DbOrTx, invitations } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { revokeInvitationInput } from "@portal/domain";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { invitationState } from "./accept-invitation";
import { membershipCapabilitiesOf } from "./capabilities";

export { revokeInvitationInput } from "@portal/domain";

/** Withdraws an invitation not yet accepted: an admin any, a partner manager their organisation's. */
export async function revokeInvitation(db: DbOrTx, actor: Actor, invitationId: string) {
  if (!revokeInvitationInput.safeParse({ invitationId }).success) {
    throw new DomainError("NOT_FOUND", "No such invitation.");
  }
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
    if (!invitation) throw new DomainError("NOT_FOUND", "No such invitation.");
    if (actor.role !== "admin") {
      const orgId = invitation.organisationId;
      if (actor.role !== "partner" || !orgId || !actor.organisationIds.includes(orgId)) {
        throw new DomainError("NOT_FOUND", "No such invitation.");
      }
      const own = await membershipCapabilitiesOf(tx, actor.userId, orgId);
      if (!own?.includes("manage_members")) {
        throw new DomainError("FORBIDDEN", "Your organisation has not given you permission to manage its members.");
      }
    }
    const state = invitationState(invitation);
    if (state === "accepted") throw new DomainError("CONFLICT", "This invitation has already been accepted.");
    if (state === "revoked") throw new DomainError("CONFLICT", "This invitation has already been withdrawn.");
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
