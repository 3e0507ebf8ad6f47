import { type DbOrTx, organisations } from "@portal/db";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";

/**
 * The organisations whose page an actor may open, as a WHERE condition: staff see every organisation; a partner sees
 * only its own, and asking for another gets NOT_FOUND (a real 404 page), never a hint that it exists.
 */
export function visibleOrganisations(actor: Actor): SQL {
  if (seesAllGrants(actor)) return sql`true`;
  if (actor.organisationIds.length === 0) return sql`false`;
  return inArray(organisations.id, [...actor.organisationIds]);
}

export async function assertOrganisationVisible(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), visibleOrganisations(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchOrganisation");
}
