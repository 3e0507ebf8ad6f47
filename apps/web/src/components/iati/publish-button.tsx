"use client";

import { Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useApiMutation } from "@/trpc/client";

/** Publishes (or re-publishes) the grant; a refusal shows the server's list of validation problems. */
function PublishButton({ grantId, published }: { grantId: string; published: boolean }) {
  const t = useTranslations("iati");
  const { run, error, pending } = useRefreshingMutation(
    useApiMutation((api) => api.iati.publish.mutate).mutateAsync,
    t("failed"),
  );
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          size="sm"
          disabled={pending}
          onClick={() => void run({ grantId })}
          data-testid="iati-publish"
        >
          {pending ? t("publishing") : published ? t("republish") : t("publish")}
        </Button>
      </div>
      {error ? (
        <p role="status" className="text-sm text-destructive" data-testid="iati-publish-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { PublishButton };
