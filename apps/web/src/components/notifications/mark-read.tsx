"use client";

import { Button } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useTRPC, withTRPC } from "@/trpc/client";

/** Marks one notification read, or all of them when no id is given. */
function MarkRead({ id }: { id?: string }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const mark = useRefreshingMutation(
    useMutation(trpc.notifications.markRead.mutationOptions()).mutateAsync,
    t("empty"),
  );
  return (
    <Button
      type="button"
      size="sm"
      variant={id ? "ghost" : "outline"}
      disabled={mark.pending}
      onClick={() => void mark.run(id ? { ids: [id] } : { all: true })}
    >
      {id ? t("markRead") : t("markAllRead")}
    </Button>
  );
}

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const MarkReadWithTRPC = withTRPC(MarkRead);
export { MarkReadWithTRPC as MarkRead };
