import { conferenceCoHosts, conferenceOrganisations, conferences, type DbOrTx } from "@portal/db";
import { and, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";

/**
 * The conferences an actor may see, as a WHERE condition every conference query includes: staff see all; a partner
 * sees those its organisations took part in or co-hosted, and gets NOT_FOUND for any other.
 */
export function visibleConferences(actor: Actor): SQL {
  if (seesAllGrants(actor)) return sql`true`;
  if (actor.organisationIds.length === 0) return sql`false`;
  const mine = [...actor.organisationIds];
  return or(
    exists(
      sql`(select 1 from ${conferenceOrganisations} where ${conferenceOrganisations.conferenceId} = ${conferences.id}
           and ${inArray(conferenceOrganisations.organisationId, mine)})`,
    ),
    exists(
      sql`(select 1 from ${conferenceCoHosts} where ${conferenceCoHosts.conferenceId} = ${conferences.id}
           and ${inArray(conferenceCoHosts.organisationId, mine)})`,
    ),
  )!;
}

/** NOT_FOUND unless the conference exists and the actor may see it. */
export async function assertConferenceVisible(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .select({ id: conferences.id })
    .from(conferences)
    .where(and(eq(conferences.id, id), visibleConferences(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchConference");
}
