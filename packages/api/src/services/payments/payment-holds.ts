import { type DbOrTx, reportingRequirements, type ScheduledPayment, scheduledPayments } from "@portal/db";
import { isRequirementOverdue, paymentTransitionFor, requirementReleasesPayments } from "@portal/domain";
import { and, eq, inArray, isNotNull } from "drizzle-orm";

export interface HoldChange {
  paymentId: string;
  sequence: number;
  from: ScheduledPayment["status"];
  to: ScheduledPayment["status"];
}

/**
 * Whether a refresh would put this payment on hold: its report is overdue and it is in a status that may be held.
 * The grant page counts these to offer the refresh; syncPaymentHolds applies them.
 */
export function awaitsHold(status: ScheduledPayment["status"], reportOverdue: boolean): boolean {
  return reportOverdue && paymentTransitionFor("hold", status) !== null;
}

/**
 * Brings a grant's payments in line with their reports: a payment whose report is overdue goes on hold; a held
 * payment whose report has been accepted or waived is due again. Limited to one requirement's payments when given.
 * The caller holds the grant lock and writes the one audit event of its mutation, listing these changes.
 */
export async function syncPaymentHolds(
  tx: DbOrTx,
  grantId: string,
  today: string,
  requirementId?: string,
): Promise<HoldChange[]> {
  const rows = await tx
    .select({ payment: scheduledPayments, requirement: reportingRequirements })
    .from(scheduledPayments)
    .innerJoin(reportingRequirements, eq(reportingRequirements.id, scheduledPayments.requirementId))
    .where(
      and(
        eq(scheduledPayments.grantId, grantId),
        isNotNull(scheduledPayments.requirementId),
        requirementId ? eq(scheduledPayments.requirementId, requirementId) : undefined,
        inArray(scheduledPayments.status, ["planned", "due", "approved", "on_hold"]),
      ),
    )
    .for("update", { of: scheduledPayments });

  const changes: HoldChange[] = [];
  for (const { payment, requirement } of rows) {
    const overdue = isRequirementOverdue(requirement.status, requirement.dueOn, today);
    const to = awaitsHold(payment.status, overdue)
      ? paymentTransitionFor("hold", payment.status)
      : payment.status === "on_hold" && requirementReleasesPayments(requirement.status)
        ? paymentTransitionFor("release", payment.status)
        : null;
    if (!to) continue;
    await tx.update(scheduledPayments).set({ status: to }).where(eq(scheduledPayments.id, payment.id));
    changes.push({ paymentId: payment.id, sequence: payment.sequence, from: payment.status, to });
  }
  return changes;
}
