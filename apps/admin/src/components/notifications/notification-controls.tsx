"use client";

import type { NotificationCategory, NotificationDelivery } from "@portal/domain";
import { EmailLocaleForm, MarkReadButton, NotificationPreferencesForm } from "@portal/ui/notification-controls";
import { useApiMutation } from "@/trpc/client";

/** The shared notification controls, wired to this app's own API. */
function MarkRead({ id }: { id?: string }) {
  const mark = useApiMutation((api) => api.notifications.markRead.mutate);
  return <MarkReadButton id={id} markRead={mark.mutateAsync} />;
}

function PreferencesForm({
  initial,
}: {
  initial: { category: NotificationCategory; delivery: NotificationDelivery }[];
}) {
  const save = useApiMutation((api) => api.notifications.savePreferences.mutate);
  return <NotificationPreferencesForm initial={initial} savePreferences={save.mutateAsync} />;
}

function LocaleForm({ initial }: { initial: "en" | "fr" }) {
  const save = useApiMutation((api) => api.notifications.setLocale.mutate);
  return <EmailLocaleForm initial={initial} setLocale={save.mutateAsync} />;
}

export { MarkRead, PreferencesForm, LocaleForm };
