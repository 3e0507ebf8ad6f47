import { type DbOrTx, grantAmendments } from "@portal/db";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError, refusal } from "../../errors";
import { lockGrantOrThrow } from "../grants/lock-grant";

/**
 * A pending amendment and its grant, both locked (the grant first, as every ledger mutation does): deciding an
 * amendment and paying on its grant then run one after the other, and two decisions on one amendment cannot both
 * find it pending.
 */
export async function lockPendingAmendmentOrThrow(tx: DbOrTx, actor: Actor, amendmentId: string) {
  const [owner] = await tx
    .select({ grantId: grantAmendments.grantId })
    .from(grantAmendments)
    .where(eq(grantAmendments.id, amendmentId));
  const notFound = () => refusal("NOT_FOUND", "amendmentNotFound");
  if (!owner) throw notFound();
  // Someone who may not see the grant learns nothing, not even that it exists.
  const grant = await lockGrantOrThrow(tx, actor, owner.grantId).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === "NOT_FOUND" ? notFound() : error;
  });
  const [amendment] = await tx.select().from(grantAmendments).where(eq(grantAmendments.id, amendmentId)).for("update");
  if (amendment!.status !== "pending") {
    throw refusal("INVALID_TRANSITION", "amendmentAlreadyDecided", { status: amendment!.status });
  }
  return { grant, amendment: amendment! };
}
