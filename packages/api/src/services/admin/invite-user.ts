import type { DbOrTx } from "@portal/db";
import type { Role } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { createInvitation } from "../invitations/create-invitation";
import type { MembershipCapability } from "../invitations/capabilities";

/**
 * An admin's invitation: any role; partners with an organisation and capabilities. The invitations service writes
 * the invitation and its audit event; the admin is shown the accept link, since no email is sent from here.
 */
export async function inviteUser(
  db: DbOrTx,
  actor: Actor,
  input: {
    email: string;
    name?: string;
    role: Role;
    organisationId?: string | null;
    capabilities?: readonly MembershipCapability[];
  },
) {
  requireCapability(actor, "users.manage");
  const { invitation, acceptUrl } = await createInvitation(db, actor, {
    email: input.email,
    name: input.name ?? "",
    role: input.role,
    organisationId: input.role === "partner" ? (input.organisationId ?? null) : null,
    capabilities: input.role === "partner" ? (input.capabilities ?? ["view"]) : ["view"],
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    organisationId: invitation.organisationId,
    expiresAt: invitation.expiresAt,
    acceptUrl,
  };
}
