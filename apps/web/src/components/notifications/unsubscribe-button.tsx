"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useApiMutation } from "@/trpc/client";

/** One click, no sign-in: the signed token in the link says who and which category. */
function UnsubscribeButton({ token, category }: { token: string; category: string }) {
  const t = useTranslations("notifications.unsubscribe");
  const unsubscribe = useApiMutation((api) => api.publicAccount.unsubscribe.mutate);
  if (unsubscribe.isSuccess) return <Alert tone="info">{t("done", { category })}</Alert>;
  return (
    <>
      <p>{t("confirm", { category })}</p>
      <Button type="button" disabled={unsubscribe.isPending} onClick={() => unsubscribe.mutate({ token })}>
        {t("submit")}
      </Button>
      {unsubscribe.isError ? <Alert>{t("invalid")}</Alert> : null}
    </>
  );
}

export { UnsubscribeButton };
