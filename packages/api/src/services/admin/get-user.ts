import { type DbOrTx, memberships, organisations, users } from "@portal/db";
import { asc, eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";

/** One user with their memberships, and whether this admin may deactivate or demote them (for the buttons). */
export async function getUserForAdmin(db: DbOrTx, actor: Actor, userId: string) {
  requireCapability(actor, "users.manage");
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      locale: users.locale,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw refusal("NOT_FOUND", "noSuchUser");
  const [membershipRows, [{ activeAdmins } = { activeAdmins: 0 }]] = await Promise.all([
    db
      .select({
        id: memberships.id,
        capabilities: memberships.capabilities,
        organisation: {
          id: organisations.id,
          acronym: organisations.acronym,
          nameEn: organisations.legalNameEn,
          nameFr: organisations.legalNameFr,
        },
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organisations.legalNameEn)),
    db
      .select({ activeAdmins: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`${users.role} = 'admin' and ${users.active}`),
  ]);
  const isSelf = user.id === actor.userId;
  const lastAdmin = user.role === "admin" && user.active && activeAdmins <= 1;
  return {
    ...user,
    memberships: membershipRows,
    isSelf,
    lastAdmin,
    canDeactivate: user.active && !isSelf && !lastAdmin,
    canChangeRole: !isSelf && !lastAdmin,
  };
}
