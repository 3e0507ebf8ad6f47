"use client";

import type { AmendmentDecisionAction } from "@portal/domain";
import { useTranslations } from "next-intl";
import { ReasonAction } from "@/components/ledger/reason-action";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useApiMutation } from "@/trpc/client";

/** Approve, reject or withdraw a pending amendment: the buttons the server offers this person (it checks again). */
function AmendmentDecisions({ amendmentId, actions }: { amendmentId: string; actions: AmendmentDecisionAction[] }) {
  const t = useTranslations("amendments");
  const approve = useApiMutation((api) => api.amendments.approve.mutate);
  const reject = useApiMutation((api) => api.amendments.reject.mutate);
  const withdraw = useApiMutation((api) => api.amendments.withdraw.mutate);
  const { run, error, pending } = useRefreshingMutation(
    ({ action, reason }: { action: AmendmentDecisionAction; reason: string }) => {
      const input = { id: amendmentId, reason: reason || undefined };
      if (action === "approve") return approve.mutateAsync({ id: amendmentId });
      return action === "reject" ? reject.mutateAsync(input) : withdraw.mutateAsync(input);
    },
    t("failed"),
    ({ action }) => t(`done.${action}`),
  );
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="amendment-actions">
      {actions.map((action) => (
        <ReasonAction
          key={action}
          label={t(`actions.${action}`)}
          reasonLabel={action === "reject" ? t("rejectReason") : t("withdrawReason")}
          needsReason={action === "reject"}
          variant={action === "approve" ? "default" : action === "reject" ? "destructive" : "outline"}
          pending={pending}
          error={error}
          testId={`amendment-action-${action}`}
          confirm={
            action === "approve"
              ? {
                  title: t("approveTitle"),
                  description: t("approveBody"),
                  confirmLabel: t("actions.approve"),
                  cancelLabel: t("cancel"),
                }
              : undefined
          }
          onConfirm={(reason) => run({ action, reason })}
        />
      ))}
    </div>
  );
}

export { AmendmentDecisions };
