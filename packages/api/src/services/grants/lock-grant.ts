import { type DbOrTx, type Grant, grants } from "@portal/db";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError, refusal } from "../../errors";
import { visibleGrants } from "./grant-scope";

/**
 * Loads a grant the actor may see and locks its row until the transaction ends. Every ledger mutation on a grant or
 * on anything under it (payments, disbursements, requirements) takes this lock first, so two concurrent requests on
 * one grant run one after the other, each seeing what the other committed; and since the grant is always locked
 * before any allocation, two transactions can never wait on each other in a cycle.
 */
export async function lockGrantOrThrow(tx: DbOrTx, actor: Actor, grantId: string): Promise<Grant> {
  const [grant] = await tx
    .select()
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)))
    .for("update");
  if (!grant) throw refusal("NOT_FOUND", "noSuchGrant");
  return grant;
}

/**
 * Locks the grant that owns a child row (payment, disbursement, requirement) given the grant id read from that row;
 * NOT_FOUND with the child's own message when there is no such row or the actor may not see its grant.
 */
export async function lockOwningGrantOrThrow(
  tx: DbOrTx,
  actor: Actor,
  grantId: string | undefined,
  notFound: string,
): Promise<Grant> {
  if (grantId === undefined) throw new DomainError("NOT_FOUND", notFound);
  try {
    return await lockGrantOrThrow(tx, actor, grantId);
  } catch (error) {
    // A partner asking about another organisation's payment or report learns nothing, not even that its grant exists.
    if (error instanceof DomainError && error.code === "NOT_FOUND") throw new DomainError("NOT_FOUND", notFound);
    throw error;
  }
}
