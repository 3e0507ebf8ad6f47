import { type DbOrTx, invitations, organisations, users } from "@portal/db";
import type { Role } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { parseInput } from "../../parse-input";
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
  const input = parseInput(createInvitationInput, args);
  const organisationId = input.organisationId ?? null;
  let capabilities = normaliseCapabilities(input.capabilities);

  if (actor.role === "admin") {
    if (input.role === "partner" && !organisationId) {
      throw refusal("VALIDATION", "partnerInvitationNeedsOrganisation", {}, "organisationId");
    }
    if (input.role !== "partner") capabilities = ["view"];
  } else if (actor.role === "partner") {
    if (input.role !== "partner") {
      throw refusal("FORBIDDEN", "invitePartnersOnly", {}, "role");
    }
    if (!organisationId || !actor.organisationIds.includes(organisationId)) {
      throw refusal("FORBIDDEN", "inviteOwnOrganisationOnly", {}, "organisationId");
    }
    const own = await membershipCapabilitiesOf(db, actor.userId, organisationId);
    if (!own?.includes("manage_members")) {
      throw refusal("FORBIDDEN", "noInvitePermission");
    }
    const wider = capabilities.filter((c) => !own.includes(c));
    if (wider.length > 0) {
      throw refusal("FORBIDDEN", "widerRights", { rights: wider.join(", ") }, "capabilities");
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
      throw refusal("CONFLICT", "emailHasAccount", {}, "email");
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
