import { type Database, reportingRequirements, scheduledPayments } from "@portal/db";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { refreshPaymentHolds } from "../payments/refresh-payment-holds";
import { todayInOttawa } from "../today";
import { systemActor } from "./system-actor";

/**
 * The daily job behind payment holds: every grant with an instalment tied to a report is refreshed through the same
 * service as the grant page's "refresh now" button, one grant per transaction, as the scheduled-jobs account (so the
 * audit log says who moved the payments, and the dispatcher tells the officers about new holds).
 */
export async function refreshAllPaymentHolds(db: Database, today = todayInOttawa()) {
  const candidates = await db
    .selectDistinct({ grantId: scheduledPayments.grantId })
    .from(scheduledPayments)
    .innerJoin(reportingRequirements, eq(reportingRequirements.id, scheduledPayments.requirementId))
    .where(
      and(
        isNotNull(scheduledPayments.requirementId),
        inArray(scheduledPayments.status, ["planned", "due", "approved", "on_hold"]),
      ),
    );
  let changed = 0;
  for (const { grantId } of candidates) {
    const { changes } = await refreshPaymentHolds(db, systemActor, { grantId }, today);
    changed += changes.length;
  }
  return { grants: candidates.length, changedPayments: changed };
}
