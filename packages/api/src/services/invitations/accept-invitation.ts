import { type DbOrTx, invitations, memberships, organisations, users } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal, type RefusalKey } from "../../errors";
import { parseInput } from "../../parse-input";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { hashInvitationToken } from "./invitation-token";

import { acceptInvitationInput, type AcceptInvitationInput } from "@portal/domain";

export { acceptInvitationInput, type AcceptInvitationInput, MIN_PASSWORD_LENGTH } from "@portal/domain";

type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(invitation: InvitationRow, now: Date = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

const REFUSALS: Record<Exclude<InvitationState, "pending">, RefusalKey> = {
  accepted: "invitationUsed",
  revoked: "invitationWithdrawn",
  expired: "invitationExpired",
};

/** What the invitation page shows before the form: who is invited, where, and whether the link still works. */
export async function describeInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      organisationNameEn: organisations.legalNameEn,
      organisationNameFr: organisations.legalNameFr,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return null;
  const { invitation } = row;
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation),
    organisation: invitation.organisationId
      ? { nameEn: row.organisationNameEn ?? "", nameFr: row.organisationNameFr ?? "" }
      : null,
  };
}

/**
 * Accepts an invitation: creates the user with their password, their membership (partners), marks the invitation
 * accepted, and writes one audit event, all in one transaction. Expired, used or withdrawn links are refused.
 */
export async function acceptInvitation(db: DbOrTx, args: AcceptInvitationInput) {
  const { token, name, password } = parseInput(acceptInvitationInput, args);
  // Hashing is slow on purpose: do it before taking any lock.
  const passwordHash = await hashPassword(password);

  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashInvitationToken(token)))
      .for("update");
    if (!invitation) throw refusal("NOT_FOUND", "invitationLinkNotValid", {}, "token");
    const state = invitationState(invitation);
    if (state !== "pending") throw refusal("CONFLICT", REFUSALS[state], {}, "token");

    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) {
      throw refusal("CONFLICT", "emailHasAccountSignIn");
    }
    const [user] = await tx
      .insert(users)
      .values({ email: invitation.email, name, passwordHash, role: invitation.role })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    let membership: typeof memberships.$inferSelect | undefined;
    if (invitation.organisationId && invitation.role === "partner") {
      [membership] = await tx
        .insert(memberships)
        .values({ userId: user!.id, organisationId: invitation.organisationId, capabilities: invitation.capabilities })
        .returning();
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedUserId: user!.id })
      .where(eq(invitations.id, invitation.id));

    const actor: Actor = {
      userId: user!.id,
      role: invitation.role,
      organisationIds: membership ? [membership.organisationId] : [],
    };
    await writeAudit(tx, actor, {
      action: "invitation.accept",
      entityType: AUDIT_ENTITY.invitation,
      entityId: invitation.id,
      before: { state },
      after: { state: "accepted", user, membership: membership ?? null },
    });
    return { user: user!, membership: membership ?? null };
  });
}
