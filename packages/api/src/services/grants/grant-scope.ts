import { allocations, type DbOrTx, grants, officerProgrammes, users } from "@portal/db";
import { can } from "@portal/domain";
import { type AnyColumn, and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, seesAllGrants } from "../../actor";
import { refusal } from "../../errors";

/*
 * Authorization as WHERE conditions. Two questions, two conditions on `grants`:
 *   - visibleGrants: may the actor read the grant? (lists, pages, exports, search, the dashboard)
 *   - manageableGrants: may the actor act on it? (every mutation locks its grant through it, lock-grant.ts)
 * Partners read and act on their own organisations' grants. Officers manage the grants whose every funding line draws
 * on an allocation of their programmes, and read the others unless an admin hid them (users.outside_programme_access).
 * Admins read every grant and act on none (segregation of duties). The scope is read from the database inside the
 * query itself, so an admin's change applies to the very next request.
 */

/** The programmes an officer works on: those assigned to them, and the programmes of an assigned fund. */
export function officerProgrammeIds(userId: string | AnyColumn): SQL {
  return sql`(select ${officerProgrammes.programmeId} from ${officerProgrammes} where ${officerProgrammes.userId} = ${userId}
    union all
    select p.id from programmes p inner join ${officerProgrammes} on ${officerProgrammes.programmeId} = p.parent_id
    where ${officerProgrammes.userId} = ${userId})`;
}

/** Whether the actor is an officer whose scope is limited to their programmes (the scheduled jobs' account is not). */
function scopedOfficer(actor: Actor): boolean {
  return can(actor.role, "grants.manage") && !actor.actsOnAllProgrammes;
}

/** Allocations the actor may draw new funding lines from (officers: their programmes'). */
export function allocationsInScope(actor: Actor): SQL {
  if (!can(actor.role, "grants.manage")) return sql`false`;
  if (actor.actsOnAllProgrammes) return sql`true`;
  return sql`${allocations.programmeId} in ${officerProgrammeIds(actor.userId)}`;
}

/**
 * The grants the actor may act on, as a WHERE condition on `grants`; or on another column holding a grant id (a child
 * table's `grant_id`), so that a count of child rows need not join grants (the officer dashboard's counts).
 */
export function manageableGrants(actor: Actor, grantId: AnyColumn = grants.id): SQL {
  if (!seesAllGrants(actor)) {
    return grantId === grants.id
      ? visibleGrants(actor)
      : sql`${grantId} in (select ${grants.id} from ${grants} where ${visibleGrants(actor)})`;
  }
  if (!can(actor.role, "grants.manage")) return sql`false`;
  if (actor.actsOnAllProgrammes) return sql`true`;
  return officerManages(actor.userId, grantId);
}

/** Past this many grants an officer's scope is "most of the portfolio" for manageableGrantsOf. */
const FEW_GRANTS = 1000;

/**
 * manageableGrants, for a read whose plan depends on how many grants the officer manages (the officer dashboard).
 * The anti-join suits an officer of most programmes: what it hashes, the funding lines outside their programmes, is
 * small, and each list walks its own index to its LIMIT. For an officer of one programme among many it is the whole
 * portfolio, and every instalment and report was checked for none found (~300 ms at 1M disbursements). So the
 * officer's programmes are read first (still live per request) and, when their grants are few (counted through
 * grants_programme_ids_idx up to FEW_GRANTS), the same rule is written against grants.programme_ids (the programmes
 * of a grant's lines, kept by triggers of migration 0022) with those programmes as a constant: the grants are read
 * from that GIN index and each list from its grant_id index.
 */
export async function manageableGrantsOf(db: DbOrTx, actor: Actor): Promise<(grantId?: AnyColumn) => SQL> {
  const general = (grantId?: AnyColumn) => manageableGrants(actor, grantId);
  if (!scopedOfficer(actor) || !seesAllGrants(actor)) return general;
  const rows = await db.execute<{ id: string }>(
    sql`select distinct mine.programme_id as id from ${officerProgrammeIds(actor.userId)} as mine(programme_id)`,
  );
  if (rows.length === 0) return () => sql`false`;
  const contained = sql`${grants.programmeIds} <@ array[${sql.join(
    rows.map((row) => sql`${row.id}`),
    sql`, `,
  )}]::uuid[]`;
  const [counted] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${grants} where ${contained} limit ${FEW_GRANTS + 1}) few`,
  );
  if (Number(counted?.n) > FEW_GRANTS) return general;
  return (grantId = grants.id) =>
    grantId === grants.id ? contained : sql`${grantId} in (select ${grants.id} from ${grants} where ${contained})`;
}

/**
 * Whether an officer manages a grant: every funding line in scope, for an officer who has a programme (so a draft not
 * yet funded from any allocation is open to every assigned officer, and to nobody without a programme). Either side
 * may be a column: `grants.id` for the grants an officer manages, `users.id` for the officers who manage a grant
 * (whom its notifications reach).
 */
export function officerManages(userId: string | AnyColumn, grantId: string | AnyColumn): SQL {
  // "Not among the officer's programmes" as an anti-join (NOT EXISTS), not NOT IN: PostgreSQL estimates an anti-join
  // from the statistics of both sides (an officer of every programme leaves ~no allocation outside), where NOT IN is a
  // hashed subplan it guesses keeps half the allocations, hence nearly every grant excluded; on that guess the
  // dashboard filtered every grant instead of walking its due-date index and stopping at the 50th row (12x at 1M).
  // Both columns are NOT NULL, so the two say the same.
  return sql`(exists (select 1 from ${officerProgrammes} where ${officerProgrammes.userId} = ${userId})
    and not exists (select 1 from funding_lines fl inner join allocations a on a.id = fl.allocation_id
      where fl.grant_id = ${grantId}
        and not exists (select 1 from ${officerProgrammeIds(userId)} as mine(programme_id)
          where mine.programme_id = a.programme_id)))`;
}

/**
 * The grants an actor may see, as a WHERE condition every grant query includes. A partner asking for another
 * organisation's grant then simply finds nothing (NOT_FOUND), never a hint that it exists; so does an officer asking
 * for a grant an admin hid from them.
 */
export function visibleGrants(actor: Actor): SQL {
  if (seesAllGrants(actor)) {
    if (!scopedOfficer(actor)) return sql`true`;
    // Uncorrelated, so PostgreSQL reads the setting once per query (an InitPlan), not once per grant.
    const readsOthers = sql`exists (select 1 from ${users} where ${users.id} = ${actor.userId}
      and ${users.outsideProgrammeAccess} = 'read_only')`;
    return sql`(${readsOthers} or ${manageableGrants(actor)})`;
  }
  if (actor.organisationIds.length === 0) return sql`false`;
  return inArray(grants.recipientId, [...actor.organisationIds]);
}

/**
 * What visibleGrants reads from the actor, as a string: two actors with the same key see the same grants in any state
 * of the database (an officer's programmes and access are read inside the query, hence the user id). Cached values
 * of the grant list (grant-list-cache.ts) are filed under it.
 */
export function grantScopeKey(actor: Actor): string {
  return [
    actor.role,
    actor.actsOnAllProgrammes ? "all" : "",
    actor.userId,
    [...actor.organisationIds].sort().join(","),
  ].join("|");
}

/**
 * Whether visibleGrants is `true` for this actor, so a query may skip joining grants (an admin, or an officer who
 * reads grants outside their programmes).
 */
export async function seesEveryGrant(db: DbOrTx, actor: Actor): Promise<boolean> {
  if (!seesAllGrants(actor)) return false;
  if (!scopedOfficer(actor)) return true;
  const [row] = await db.select({ access: users.outsideProgrammeAccess }).from(users).where(eq(users.id, actor.userId));
  return row?.access === "read_only";
}

/** How many programmes an officer is assigned to (none: they manage nothing, and their pages say so). */
export async function assignedProgrammeCount(db: DbOrTx, actor: Actor): Promise<number> {
  if (!scopedOfficer(actor)) return 0;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(officerProgrammes)
    .where(eq(officerProgrammes.userId, actor.userId));
  return row?.count ?? 0;
}

/**
 * Refuses funding lines on allocations outside the actor's programmes (creating or editing a grant), naming the
 * first line at fault.
 */
export async function assertAllocationsInScope(
  db: DbOrTx,
  actor: Actor,
  allocationIds: readonly string[],
): Promise<void> {
  if (allocationIds.length === 0) return;
  const rows = await db
    .select({ id: allocations.id })
    .from(allocations)
    .where(and(inArray(allocations.id, [...allocationIds]), allocationsInScope(actor)));
  const inScope = new Set(rows.map((row) => row.id));
  const outside = allocationIds.findIndex((id) => !inScope.has(id));
  if (outside >= 0) {
    throw refusal("FORBIDDEN", "allocationOutsideProgrammes", {}, `fundingLines.${outside}.allocationId`);
  }
}

/** NOT_FOUND unless the grant exists and the actor may see it. */
export async function assertGrantVisible(db: DbOrTx, actor: Actor, grantId: string): Promise<void> {
  const [row] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchGrant");
}
