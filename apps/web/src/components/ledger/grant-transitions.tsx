"use client";

import { ACTIONS_NEEDING_REASON, type GrantAction } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/trpc/client";
import { ReasonAction } from "./reason-action";
import { useRefreshingMutation } from "./use-refreshing-mutation";

const DESTRUCTIVE: readonly GrantAction[] = ["cancel", "terminate"];

/** The lifecycle buttons this person may use on this grant now (the server decides which; it checks again on use). */
function GrantTransitions({ grantId, actions }: { grantId: string; actions: GrantAction[] }) {
  const t = useTranslations("ledger");
  const tf = useTranslations("feedback");
  const transition = useApiMutation((api) => api.grants.transition.mutate);
  const { run, error, pending } = useRefreshingMutation(transition.mutateAsync, t("failed"), ({ action }) =>
    tf("done.grant", { action: t(`actions.${action}`) }),
  );
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="grant-actions">
      {actions.map((action) => (
        <ReasonAction
          key={action}
          label={t(`actions.${action}`)}
          needsReason={ACTIONS_NEEDING_REASON.includes(action)}
          variant={
            DESTRUCTIVE.includes(action)
              ? "destructive"
              : action === "approve" || action === "submit" || action === "activate"
                ? "default"
                : "outline"
          }
          pending={pending}
          error={error}
          testId={`grant-action-${action}`}
          confirm={
            ACTIONS_NEEDING_REASON.includes(action)
              ? undefined
              : {
                  title: tf("transitionTitle", { action: t(`actions.${action}`) }),
                  description: tf("transitionBody"),
                  confirmLabel: t(`actions.${action}`),
                  cancelLabel: tf("cancel"),
                }
          }
          onConfirm={(reason) => run({ id: grantId, action, reason: reason || undefined })}
        />
      ))}
    </div>
  );
}

export { GrantTransitions };
