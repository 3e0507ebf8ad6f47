"use client";

import { Alert, Button } from "@portal/ui";
import { isApiError } from "@portal/ui/server-errors";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";

/** Signs a person out of both apps at once (after a confirmation step); they may sign in again. */
function EndSessions({ userId, active }: { userId: string; active: number }) {
  const t = useTranslations("account.sessions");
  const router = useRouter();
  const end = useApiMutation((api) => api.users.endSessions.mutate);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setError(null);
    try {
      const { ended } = await end.mutateAsync({ userId });
      setResult(t("ended", { count: ended }));
      setConfirming(false);
      router.refresh();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : t("failed"));
    }
  }
  return (
    <div className="flex flex-col gap-3" data-testid="user-sessions">
      <p className="text-sm">{t("count", { count: active })}</p>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-3">
          <span className="text-sm">{t("confirm")}</span>
          <Button type="button" variant="destructive" size="sm" disabled={end.isPending} onClick={() => void run()}>
            {end.isPending ? t("ending") : t("yes")}
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <div>
          <Button type="button" variant="outline" onClick={() => setConfirming(true)}>
            {t("end")}
          </Button>
        </div>
      )}
      {result ? <Alert tone="info">{result}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

export { EndSessions };
