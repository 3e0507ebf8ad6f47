import { type DbOrTx, invitations, organisations, users } from "@portal/db";
import type { Role } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError, refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { queueInvitationEmail } from "../notifications/invitation-email";
import { type MembershipCapability, membershipCapabilitiesOf, normaliseCapabilities } from "./capabilities";
import {
  hashInvitationToken,
  INVITATION_LIFETIME_MS,
  invitationAcceptUrl,
  newInvitationToken,
} from "./invitation-token";

import { createInvitationInput } from "@portal/domain";

export { createInvitationInput, type CreateInvitationInput } from "@portal/domain";

export interface CreateInvitationArgs {
  email: string;
  name?: string;
  role: Role;
  organisationId?: string | null;
  capabilities?: readonly MembershipCapability[];
}

export type Invitation = typeof invitations.$inferSelect;

/**
 * Invites someone to join. Admins may invite anyone, in any role; a partner whose membership carries manage_members
 * may invite colleagues to that organisation only, with capabilities no wider than their own. The token is returned
 * once (in the accept link) and only its SHA-256 is stored.
 */
export async function createInvitation(
  db: DbOrTx,
  actor: Actor,
  args: CreateInvitationArgs,
): Promise<{ invitation: Invitation; token: string; acceptUrl: string }> {
  const parsed = createInvitationInput.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("VALIDATION", issue.message, issue.path.join(".") || undefined);
  }
  const input = parsed.data;
  const organisationId = input.organisationId ?? null;
  let capabilities = normaliseCapabilities(input.capabilities);

  if (actor.role === "admin") {
    if (input.role === "partner" && !organisationId) {
      throw new DomainError("VALIDATION", "A partner must be invited to an organisation.", "organisationId");
    }
    if (input.role !== "partner") capabilities = ["view"];
  } else if (actor.role === "partner") {
    if (input.role !== "partner") {
      throw new DomainError("FORBIDDEN", "You may only invite colleagues as partners.", "role");
    }
    if (!organisationId || !actor.organisationIds.includes(organisationId)) {
      throw new DomainError("FORBIDDEN", "You may only invite colleagues to your own organisation.", "organisationId");
    }
    const own = await membershipCapabilitiesOf(db, actor.userId, organisationId);
    if (!own?.includes("manage_members")) {
      throw new DomainError("FORBIDDEN", "Your organisation has not given you permission to invite colleagues.");
    }
    const wider = capabilities.filter((c) => !own.includes(c));
    if (wider.length > 0) {
      throw new DomainError(
        "FORBIDDEN",
        `You cannot give a colleague rights you do not have yourself (${wider.join(", ")}).`,
        "capabilities",
      );
    }
  } else {
    throw refusal("FORBIDDEN", "noPermission");
  }

  return db.transaction(async (tx) => {
    if (organisationId) {
      const [organisation] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation", {}, "organisationId");
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) {
      throw new DomainError("CONFLICT", "Someone with this email address already has an account.", "email");
    }

    const token = newInvitationToken();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        organisationId,
        capabilities,
        tokenHash: hashInvitationToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      })
      .returning();
    const { tokenHash: _hash, ...recorded } = invitation!;
    await writeAudit(tx, actor, {
      action: "invitation.create",
      entityType: AUDIT_ENTITY.invitation,
      entityId: invitation!.id,
      before: null,
      after: recorded,
    });
    const acceptUrl = invitationAcceptUrl(token);
    await queueInvitationEmail(tx, invitation!, acceptUrl);
    return { invitation: invitation!, token, acceptUrl };
  });
}
