"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useApiMutation } from "@/trpc/client";

/** Withdraws a pending invitation after a confirmation step (the link stops working at once). */
function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("members");
  const [confirming, setConfirming] = useState(false);
  const revoke = useRefreshingMutation(
    useApiMutation((api) => api.invitations.revoke.mutate).mutateAsync,
    t("saveFailed"),
  );
  if (!confirming) {
    return (
      <Button
        type="button"
        size="sm"
        variant="ghost"
        onClick={() => setConfirming(true)}
        aria-label={t("revokeFor", { email })}
      >
        {t("revoke")}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="text-xs">{t("revokeConfirm")}</span>
      <Button
        type="button"
        size="sm"
        variant="destructive"
        disabled={revoke.pending}
        onClick={() => void revoke.run({ invitationId })}
      >
        {t("revokeYes")}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      {revoke.error ? <Alert className="w-full">{revoke.error}</Alert> : null}
    </span>
  );
}

export { RevokeInvitation };
