"use client";

import { NOTIFICATION_DELIVERIES, type NotificationCategory, type NotificationDelivery } from "@portal/domain";
import { Alert, Button, Select } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useTRPC, withTRPC } from "@/trpc/client";

/** Per category: immediately, daily digest or off. */
function PreferencesForm({
  initial,
}: {
  initial: { category: NotificationCategory; delivery: NotificationDelivery }[];
}) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const [choices, setChoices] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useRefreshingMutation(
    useMutation(trpc.notifications.savePreferences.mutationOptions()).mutateAsync,
    t("preferencesTitle"),
  );
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void save.run({ preferences: choices }).then(setSaved);
      }}
    >
      {choices.map(({ category, delivery }) => (
        <div key={category} className="flex flex-wrap items-center justify-between gap-2">
          <label htmlFor={`pref-${category}`} className="text-sm">
            {t(`categories.${category}`)}
          </label>
          <Select
            id={`pref-${category}`}
            value={delivery}
            onChange={(event) => {
              const value = event.target.value as NotificationDelivery;
              setChoices((current) => current.map((c) => (c.category === category ? { ...c, delivery: value } : c)));
            }}
          >
            {NOTIFICATION_DELIVERIES.map((option) => (
              <option key={option} value={option}>
                {t(`delivery.${option}`)}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.pending}>
          {t("savePreferences")}
        </Button>
        {saved ? <span className="text-sm text-muted-foreground">{t("preferencesSaved")}</span> : null}
      </div>
      {save.error ? <Alert>{save.error}</Alert> : null}
    </form>
  );
}

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const PreferencesFormWithTRPC = withTRPC(PreferencesForm);
export { PreferencesFormWithTRPC as PreferencesForm };
