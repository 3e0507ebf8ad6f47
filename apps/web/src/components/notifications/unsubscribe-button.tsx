"use client";

import { Alert, Button } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC, withTRPC } from "@/trpc/client";

/** One click, no sign-in: the signed token in the link says who and which category. */
function UnsubscribeButton({ token, category }: { token: string; category: string }) {
  const t = useTranslations("notifications.unsubscribe");
  const trpc = useTRPC();
  const unsubscribe = useMutation(trpc.publicAccount.unsubscribe.mutationOptions());
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

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const UnsubscribeButtonWithTRPC = withTRPC(UnsubscribeButton);
export { UnsubscribeButtonWithTRPC as UnsubscribeButton };
