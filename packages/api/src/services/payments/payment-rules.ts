import { type DbOrTx, type Grant, reportingRequirements, type ScheduledPayment } from "@portal/db";
import {
  type PaymentBlock,
  type PaymentFacts,
  type PaymentRule,
  type PaymentRuleAction,
  paymentRules,
} from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { grantStatusWords, paymentStatusWords, paymentTransitionRefused, reportName } from "../messages";

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
      return new DomainError(
        "FOUR_EYES_REQUIRED",
        "You scheduled this instalment, so another officer has to approve it.",
      );
    case "grantNotApproved":
      return new DomainError(
        "INVALID_TRANSITION",
        `Instalments can be approved once the grant is approved; this grant is ${grantStatusWords(facts.grantStatus)}.`,
      );
    case "grantNotDisbursable":
      return new DomainError(
        "GRANT_NOT_DISBURSABLE",
        `Money is paid only on an active or closing grant; this grant is ${grantStatusWords(facts.grantStatus)}.`,
      );
    case "reportOverdue":
      return new DomainError(
        "PAYMENT_ON_HOLD",
        `This instalment waits for the ${reportName(report!)} that was due on ${report!.dueOn}; it stays on hold until the report is accepted or waived.`,
      );
    case "reportNotAccepted":
      return new DomainError(
        "REPORT_NOT_ACCEPTED",
        `This instalment waits for the ${reportName(report!)} (due ${report!.dueOn}), which is not accepted yet; it can be approved and paid once the report is accepted or waived.`,
      );
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
      throw new DomainError(
        "PAYMENT_NOT_APPROVED",
        `This instalment is ${paymentStatusWords(facts.payment.status)}; only an approved instalment can be paid.`,
        "scheduledPaymentId",
      );
    }
    throw new DomainError("INVALID_TRANSITION", paymentTransitionRefused(facts.payment.status, action));
  }
  if (!rule.allowed) throw refusalFor(rule.block, facts);
}
