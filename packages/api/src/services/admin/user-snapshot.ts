import { type DbOrTx, memberships, users } from "@portal/db";
import { asc, eq, sql } from "drizzle-orm";
import { refusal } from "../../errors";

/** What the audit log records of a user: never the password hash. */
export async function userSnapshot(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({ organisationId: memberships.organisationId, capabilities: memberships.capabilities })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.organisationId));
  return { ...user, memberships: rows };
}

/** Locks the user's row for the rest of the transaction (so two admins' changes to one user apply one after the other). */
export async function lockUserOrThrow(tx: DbOrTx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw refusal("NOT_FOUND", "noSuchUser");
  return user;
}

/**
 * Locks every active admin, in id order, and returns their ids. Any change that could remove an admin takes these
 * locks first, so two admins demoting or deactivating each other at the same moment cannot leave the console with
 * nobody able to sign in to it.
 */
export async function lockActiveAdmins(tx: DbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'admin' and ${users.active}`)
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((row) => row.id);
}
