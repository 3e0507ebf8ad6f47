"use client";

import { Alert, Button } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC, withTRPC } from "@/trpc/client";
import { useRefreshingMutation } from "./use-refreshing-mutation";

/** Shown when instalments are tied to an overdue report but not yet on hold: one click puts them on hold (audited). */
function ApplyHolds({ grantId, count }: { grantId: string; count: number }) {
  const t = useTranslations("ledger");
  const trpc = useTRPC();
  const { run, error, pending } = useRefreshingMutation(
    useMutation(trpc.payments.refreshHolds.mutationOptions()).mutateAsync,
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

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const ApplyHoldsWithTRPC = withTRPC(ApplyHolds);
export { ApplyHoldsWithTRPC as ApplyHolds };
