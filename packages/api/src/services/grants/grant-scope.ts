import { type DbOrTx, grants } from "@portal/db";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";

/**
 * The grants an actor may see, as a WHERE condition every grant query includes. A partner asking for another
 * organisation's grant then simply finds nothing (NOT_FOUND), never a hint that it exists.
 */
export function visibleGrants(actor: Actor): SQL {
  if (seesAllGrants(actor)) return sql`true`;
  if (actor.organisationIds.length === 0) return sql`false`;
  return inArray(grants.recipientId, [...actor.organisationIds]);
}

/** NOT_FOUND unless the grant exists and the actor may see it. */
export async function assertGrantVisible(db: DbOrTx, actor: Actor, grantId: string): Promise<void> {
  const [row] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchGrant");
}
