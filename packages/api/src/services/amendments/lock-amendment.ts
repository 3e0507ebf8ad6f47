import { type DbOrTx, grantAmendments } from "@portal/db";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { lockOwningGrantOrThrow } from "../grants/lock-grant";

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
  const grant = await lockOwningGrantOrThrow(tx, actor, owner?.grantId, "No such amendment.");
  const [amendment] = await tx.select().from(grantAmendments).where(eq(grantAmendments.id, amendmentId)).for("update");
  if (amendment!.status !== "pending") {
    throw new DomainError("INVALID_TRANSITION", `This amendment was already ${amendment!.status}.`);
  }
  return { grant, amendment: amendment! };
}
