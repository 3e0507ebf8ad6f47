import { type DbOrTx, invitations, organisations, users } from "@portal/db";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listPendingInvitations(db: DbOrTx, actor: Actor, now: Date = new Date()) {
  requireCapability(actor, "users.manage");
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      capabilities: invitations.capabilities,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      organisation: {
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      },
      invitedBy: users.name,
    })
    .from(invitations)
    .leftJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}
