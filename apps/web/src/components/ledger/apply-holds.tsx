"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/trpc/client";
import { useRefreshingMutation } from "./use-refreshing-mutation";

/** Shown when instalments are tied to an overdue report but not yet on hold: one click puts them on hold (audited). */
function ApplyHolds({ grantId, count }: { grantId: string; count: number }) {
  const t = useTranslations("ledger");
  const { run, error, pending } = useRefreshingMutation(
    useApiMutation((api) => api.payments.refreshHolds.mutate).mutateAsync,
    t("failed"),
  );
  return (
    <Alert tone="warning" className="m-4 flex flex-wrap items-center justify-between gap-3" data-testid="holds-notice">
      <span>{t("holdsNeeded", { count })}</span>
      <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => void run({ grantId })}>
        {t("applyHolds")}
      </Button>
      {error ? <span className="w-full">{error}</span> : null}
    </Alert>
  );
}

export { ApplyHolds };
