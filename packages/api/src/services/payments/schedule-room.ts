import { param } from "@portal/domain";
import { type DbOrTx, type Grant, scheduledPayments } from "@portal/db";
import { eq, ne, sql } from "drizzle-orm";
import { refusal } from "../../errors";

/**
 * Refuses an instalment that would take the grant's schedule above its total, and returns the highest sequence used.
 * The caller holds the grant lock, which serialises scheduling, so the sum and the next number hold until it commits.
 * Cancelled instalments keep their numbers (the next one follows the highest of all) but no longer count.
 */
export async function assertScheduleRoom(
  tx: DbOrTx,
  grant: Pick<Grant, "id" | "totalAmount" | "currency">,
  amount: number,
): Promise<{ highest: number }> {
  const [{ scheduled, highest }] = (await tx
    .select({
      scheduled:
        sql<number>`coalesce(sum(${scheduledPayments.amount}) filter (where ${ne(scheduledPayments.status, "cancelled")}), 0)`.mapWith(
          Number,
        ),
      highest: sql<number>`coalesce(max(${scheduledPayments.sequence}), 0)`.mapWith(Number),
    })
    .from(scheduledPayments)
    .where(eq(scheduledPayments.grantId, grant.id))) as [{ scheduled: number; highest: number }];
  if (scheduled + amount > grant.totalAmount) {
    throw refusal(
      "SCHEDULE_EXCEEDS_TOTAL",
      "scheduleExceedsTotal",
      {
        scheduled: param.money(scheduled + amount, grant.currency),
        total: param.money(grant.totalAmount, grant.currency),
        room: param.money(grant.totalAmount - scheduled, grant.currency),
      },
      "amount",
    );
  }
  return { highest };
}
