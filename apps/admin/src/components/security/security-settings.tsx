"use client";

import { Alert, Button } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { isApiError } from "@portal/ui/server-errors";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useApiMutation } from "@/trpc/client";

/** The portal-wide switch: a second factor for approving grants and payments. */
function SecuritySettings({ approvalsRequireSecondFactor }: { approvalsRequireSecondFactor: boolean }) {
  const t = useTranslations("account.settings");
  const fieldId = useFieldIds();
  const router = useRouter();
  const update = useApiMutation((api) => api.security.updateSettings.mutate);
  const [notice, setNotice] = useState<{ tone: "info" | "danger"; text: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const required = new FormData(event.currentTarget).get("approvalsRequireSecondFactor") === "on";
    setNotice(null);
    try {
      await update.mutateAsync({ approvalsRequireSecondFactor: required });
      setNotice({ tone: "info", text: t("saved") });
      router.refresh();
    } catch (caught) {
      setNotice({ tone: "danger", text: isApiError(caught) ? caught.message : t("failed") });
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} className="flex max-w-xl flex-col gap-3">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="approvalsRequireSecondFactor"
          defaultChecked={approvalsRequireSecondFactor}
          className="mt-1"
          aria-describedby={fieldId("approvals-hint")}
        />
        <span>{t("approvalsLabel")}</span>
      </label>
      <p id={fieldId("approvals-hint")} className="text-xs text-muted-foreground">
        {t("approvalsHint")}
      </p>
      <div>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </Button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </form>
  );
}

export { SecuritySettings };
