import { type DbOrTx, type Grant, reportingRequirements, type ScheduledPayment } from "@portal/db";
import {
  type PaymentBlock,
  type PaymentFacts,
  type PaymentRule,
  type PaymentRuleAction,
  paymentRules,
  param,
} from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { type DomainError, refusal } from "../../errors";

export interface LoadedPaymentFacts extends PaymentFacts {
  report:
    (NonNullable<PaymentFacts["report"]> & { kind: "narrative" | "financial"; stage: "interim" | "final" }) | null;
}

/** The facts the payment rule needs, read in the caller's transaction (which holds the grant and payment locks). */
export async function loadPaymentFacts(
  tx: DbOrTx,
  grant: Pick<Grant, "status">,
  payment: ScheduledPayment,
  today: string,
): Promise<LoadedPaymentFacts> {
  const [report] = payment.requirementId
    ? await tx
        .select({
          kind: reportingRequirements.kind,
          stage: reportingRequirements.stage,
          status: reportingRequirements.status,
          dueOn: reportingRequirements.dueOn,
        })
        .from(reportingRequirements)
        .where(eq(reportingRequirements.id, payment.requirementId))
    : [];
  return { payment, grantStatus: grant.status, report: report ?? null, today };
}

function refusalFor(block: PaymentBlock, facts: LoadedPaymentFacts): DomainError {
  const report = facts.report;
  switch (block) {
    case "fourEyes":
      return refusal("FOUR_EYES_REQUIRED", "ownInstalment");
    case "grantNotApproved":
      return refusal("INVALID_TRANSITION", "instalmentsWaitForApproval", { status: facts.grantStatus });
    case "grantNotDisbursable":
      return refusal("GRANT_NOT_DISBURSABLE", "grantNotDisbursable", { status: facts.grantStatus });
    case "reportOverdue":
      return refusal("PAYMENT_ON_HOLD", "paymentOnHoldForReport", {
        report: `${report!.kind}_${report!.stage}`,
        dueOn: param.date(report!.dueOn),
      });
    case "reportNotAccepted":
      return refusal("REPORT_NOT_ACCEPTED", "paymentWaitsForReport", {
        report: `${report!.kind}_${report!.stage}`,
        dueOn: param.date(report!.dueOn),
      });
  }
}

/**
 * Refuses `action` unless the payment rule allows it now, with the same reason the grant page shows. The caller has
 * checked the capability (so a rule missing from the list means the payment's state rules the action out).
 */
export function assertPaymentAllowed(actor: Actor, facts: LoadedPaymentFacts, action: PaymentRuleAction): void {
  const rule: PaymentRule | undefined = paymentRules(actor, facts).find((r) => r.action === action);
  if (!rule) {
    if (action === "pay") {
      throw refusal(
        "PAYMENT_NOT_APPROVED",
        "paymentNotApproved",
        { status: facts.payment.status },
        "scheduledPaymentId",
      );
    }
    throw refusal("INVALID_TRANSITION", "paymentTransitionRefused", { status: facts.payment.status, action });
  }
  if (!rule.allowed) throw refusalFor(rule.block, facts);
}
