import { type DbOrTx, type Grant, grants } from "@portal/db";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError, type RefusalKey, refusal } from "../../errors";
import { manageableGrants, visibleGrants } from "./grant-scope";

/**
 * Loads a grant the actor may act on and locks its row until the transaction ends. Every ledger mutation on a grant or
 * on anything under it (payments, disbursements, requirements) takes this lock first, so two concurrent requests on
 * one grant run one after the other, each seeing what the other committed; and since the grant is always locked
 * before any allocation, two transactions can never wait on each other in a cycle.
 * A grant the actor may not see is NOT_FOUND; one they may only read (an officer outside their programmes) FORBIDDEN,
 * by the same condition (manageableGrants) the grant page asks before offering an action.
 */
export async function lockGrantOrThrow(tx: DbOrTx, actor: Actor, grantId: string): Promise<Grant> {
  const [row] = await tx
    .select({ grant: grants, manageable: sql<boolean>`${manageableGrants(actor)}` })
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)))
    .for("update", { of: grants });
  if (!row) throw refusal("NOT_FOUND", "noSuchGrant");
  if (!row.manageable) throw refusal("FORBIDDEN", "grantOutsideProgrammes");
  return row.grant;
}

/**
 * Locks the grant that owns a child row (payment, disbursement, requirement) given the grant id read from that row;
 * NOT_FOUND with the child's own sentence (`notFound`, a catalogue key) when there is no such row or the actor may not
 * see its grant.
 */
export async function lockOwningGrantOrThrow(
  tx: DbOrTx,
  actor: Actor,
  grantId: string | undefined,
  notFound: RefusalKey,
): Promise<Grant> {
  const unknown = () => refusal("NOT_FOUND", notFound);
  if (grantId === undefined) throw unknown();
  try {
    return await lockGrantOrThrow(tx, actor, grantId);
  } catch (error) {
    // A partner asking about another organisation's payment or report learns nothing, not even that its grant exists.
    if (error instanceof DomainError && error.code === "NOT_FOUND") throw unknown();
    throw error;
  }
}
