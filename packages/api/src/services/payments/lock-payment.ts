import { type DbOrTx, scheduledPayments } from "@portal/db";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { lockOwningGrantOrThrow } from "../grants/lock-grant";

/** A scheduled payment and its grant, both locked (grant first, as every ledger mutation does). */
export async function lockPaymentOrThrow(tx: DbOrTx, actor: Actor, paymentId: string) {
  const [owner] = await tx
    .select({ grantId: scheduledPayments.grantId })
    .from(scheduledPayments)
    .where(eq(scheduledPayments.id, paymentId));
  const grant = await lockOwningGrantOrThrow(tx, actor, owner?.grantId, "noSuchScheduledPayment");
  const [payment] = await tx.select().from(scheduledPayments).where(eq(scheduledPayments.id, paymentId)).for("update");
  return { grant, payment: payment! };
}
