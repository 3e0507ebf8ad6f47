"use client";

import type { RequirementAction } from "@portal/domain";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/trpc/client";
import { ReasonAction } from "./reason-action";
import { useRefreshingMutation } from "./use-refreshing-mutation";

/** The report actions the server offers this person: submit (partner or officer), accept, ask for changes, waive. */
function RequirementActions({ requirementId, actions }: { requirementId: string; actions: RequirementAction[] }) {
  const t = useTranslations("ledger");
  const submit = useRefreshingMutation(
    useApiMutation((api) => api.requirements.submit.mutate).mutateAsync,
    t("failed"),
  );
  const review = useRefreshingMutation(
    useApiMutation((api) => api.requirements.review.mutate).mutateAsync,
    t("failed"),
  );
  const waive = useRefreshingMutation(useApiMutation((api) => api.requirements.waive.mutate).mutateAsync, t("failed"));
  const can = (action: RequirementAction) => actions.includes(action);
  return (
    <div className="flex flex-wrap items-start gap-2">
      {can("submit") ? (
        <ReasonAction
          label={t("submitReport")}
          reasonLabel={t("reportText")}
          needsReason
          pending={submit.pending}
          error={submit.error}
          onConfirm={(body) => submit.run({ requirementId, body })}
        />
      ) : null}
      {can("accept") ? (
        <ReasonAction
          label={t("accept")}
          needsReason={false}
          variant="default"
          pending={review.pending}
          error={review.error}
          onConfirm={() => review.run({ requirementId, decision: "accepted", response: "" })}
        />
      ) : null}
      {can("requestChanges") ? (
        <ReasonAction
          label={t("requestChanges")}
          reasonLabel={t("responseToPartner")}
          needsReason
          pending={review.pending}
          error={review.error}
          onConfirm={(response) => review.run({ requirementId, decision: "changes_requested", response })}
        />
      ) : null}
      {can("waive") ? (
        <ReasonAction
          label={t("waive")}
          reasonLabel={t("waiverReason")}
          needsReason
          variant="ghost"
          pending={waive.pending}
          error={waive.error}
          onConfirm={(reason) => waive.run({ requirementId, reason })}
        />
      ) : null}
    </div>
  );
}

export { RequirementActions };
