import { grants } from "@portal/db";
import { inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";

/**
 * The grants an actor may see, as a WHERE condition every grant query includes. A partner asking for another
 * organisation's grant then simply finds nothing (NOT_FOUND), never a hint that it exists.
 */
export function visibleGrants(actor: Actor): SQL {
  if (seesAllGrants(actor)) return sql`true`;
  if (actor.organisationIds.length === 0) return sql`false`;
  return inArray(grants.recipientId, [...actor.organisationIds]);
}
