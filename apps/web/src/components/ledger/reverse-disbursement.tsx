"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";
import { todayIso } from "./today";
import { ReasonAction } from "./reason-action";
import { useRefreshingMutation } from "./use-refreshing-mutation";

/** Corrects a disbursement with a reversing entry (history is never edited or deleted). */
function ReverseDisbursement({ disbursementId }: { disbursementId: string }) {
  const t = useTranslations("ledger");
  const tf = useTranslations("feedback");
  const reverse = useApiMutation((api) => api.disbursements.reverse.mutate);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { run, error, pending } = useRefreshingMutation(reverse.mutateAsync, t("failed"), () => tf("done.reversal"));
  return (
    <ReasonAction
      label={t("reverse")}
      reasonLabel={t("reversalReason")}
      needsReason
      variant="ghost"
      pending={pending}
      error={error}
      onConfirm={(reason) => run({ disbursementId, reason, paidOn: todayIso(), idempotencyKey })}
    />
  );
}

export { ReverseDisbursement };
