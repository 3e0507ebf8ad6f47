"use client";

import {
  formatMoney,
  type PaymentBlock,
  type PaymentRuleAction,
  type PaymentStatus,
  type PaymentUserAction,
} from "@portal/domain";
import { Button, intlLocale } from "@portal/ui";
import type { ConfirmText } from "@portal/ui/confirm-dialog";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";
import { DisbursementForm } from "./disbursement-form";
import { ReasonAction } from "./reason-action";
import { useRefreshingMutation } from "./use-refreshing-mutation";

/**
 * Buttons for one scheduled payment: those the server's payment rule allows this person now (paying included), and
 * beside them why the others are refused, in the same words the services use when refusing.
 */
function PaymentActions({
  payment,
  grantId,
  currency,
  remaining,
  fundingLines,
}: {
  payment: {
    id: string;
    status: PaymentStatus;
    amount: number;
    label: string;
    availableActions: PaymentUserAction[];
    canPay: boolean;
    blocked: { action: PaymentRuleAction; block: PaymentBlock }[];
  };
  grantId: string;
  currency: string;
  remaining: number;
  fundingLines: { id: string; label: string; remaining: number }[];
}) {
  const t = useTranslations("ledger");
  const tf = useTranslations("feedback");
  const amount = formatMoney(payment.amount, currency, intlLocale(useLocale()));
  const tr = useTranslations("ledgerRules");
  const act = useApiMutation((api) => api.payments.act.mutate);
  const { run, error, pending } = useRefreshingMutation(act.mutateAsync, t("failed"), ({ action }) =>
    tf("done.payment", { action: t(`paymentActions.${action}`) }),
  );
  // Approving makes money payable and cancelling cannot be undone: both are asked about first.
  const confirmations: Partial<Record<PaymentUserAction, ConfirmText>> = {
    approve: {
      title: tf("approvePaymentTitle"),
      description: tf("approvePaymentBody", { label: payment.label, amount }),
      confirmLabel: tf("approvePaymentConfirm", { amount }),
      cancelLabel: tf("cancel"),
    },
    cancel: {
      title: tf("cancelPaymentTitle"),
      description: tf("cancelPaymentBody", { label: payment.label, amount }),
      confirmLabel: tf("cancelPaymentConfirm"),
      cancelLabel: tf("cancel"),
    },
  };
  const [paying, setPaying] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {payment.availableActions.map((action) => (
          <ReasonAction
            key={action}
            label={t(`paymentActions.${action}`)}
            needsReason={false}
            pending={pending}
            error={null}
            variant={action === "cancel" ? "destructive" : "outline"}
            confirm={confirmations[action]}
            testId={`payment-${payment.label}-${action}`}
            onConfirm={() => run({ id: payment.id, action })}
          />
        ))}
        {payment.canPay ? (
          <Button type="button" size="sm" onClick={() => setPaying((v) => !v)} aria-expanded={paying}>
            {t("pay")}
          </Button>
        ) : null}
      </div>
      {payment.blocked.map(({ action, block }) => (
        <p
          key={action}
          className="text-xs text-muted-foreground"
          data-testid={`payment-${payment.label}-blocked-${action}`}
        >
          {tr(`blockedAction.${action}`)}: {tr(`blocked.${block}`)}
        </p>
      ))}
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
      {paying ? (
        <DisbursementForm
          grantId={grantId}
          currency={currency}
          remaining={remaining}
          fundingLines={fundingLines}
          scheduledPayment={{ id: payment.id, amount: payment.amount, label: payment.label }}
          onDone={() => setPaying(false)}
        />
      ) : null}
    </div>
  );
}

export { PaymentActions };
