import { type DbOrTx, invitations, memberships, organisations, users } from "@portal/db";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { invitationState } from "../invitations/accept-invitation";

import { listMembersInput } from "@portal/domain";
import { parseInput } from "../../parse-input";

export { listMembersInput } from "@portal/domain";
export type ListMembersInput = z.input<typeof listMembersInput>;

/** The organisation a partner's members page is about: the one asked for if theirs, else their first. */
export function memberOrganisationOf(actor: Actor, organisationId?: string): string {
  if (actor.role !== "partner") throw refusal("FORBIDDEN", "membersPageOnly");
  const chosen = organisationId ?? actor.organisationIds[0];
  // Another organisation's id is answered exactly like an unknown one.
  if (!chosen || !actor.organisationIds.includes(chosen)) throw refusal("NOT_FOUND", "noSuchOrganisation");
  return chosen;
}

/**
 * The people of the actor's organisation and what each may do; for a member with manage_members, also the
 * invitations not yet accepted. Nothing here ever reaches another organisation.
 */
export async function listMembers(db: DbOrTx, actor: Actor, raw: ListMembersInput = {}) {
  const organisationId = memberOrganisationOf(actor, parseInput(listMembersInput, raw).organisationId);
  const [organisation] = await db
    .select({
      id: organisations.id,
      acronym: organisations.acronym,
      nameEn: organisations.legalNameEn,
      nameFr: organisations.legalNameFr,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation");

  const members = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
      capabilities: memberships.capabilities,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email));
  const mine = members.find((m) => m.userId === actor.userId);
  const canManage = mine?.capabilities.includes("manage_members") ?? false;

  const pending = canManage
    ? (
        await db
          .select()
          .from(invitations)
          .where(and(eq(invitations.organisationId, organisationId), isNull(invitations.acceptedAt)))
          .orderBy(desc(invitations.createdAt))
      ).map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        name: invitation.name,
        capabilities: invitation.capabilities,
        createdAt: invitation.createdAt,
        expiresAt: invitation.expiresAt,
        state: invitationState(invitation),
      }))
    : [];

  return {
    organisation,
    myCapabilities: mine?.capabilities ?? [],
    canManage,
    members: members.map((m) => ({ ...m, isMe: m.userId === actor.userId })),
    invitations: pending,
  };
}
