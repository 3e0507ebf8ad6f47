"use client";

import type { NotificationCategory, NotificationDelivery } from "@portal/domain";
import { EmailLocaleForm, MarkReadButton, NotificationPreferencesForm } from "@portal/ui/notification-controls";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** The shared notification controls, wired to this app's own API. */
export function MarkRead({ id }: { id?: string }) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions());
  return <MarkReadButton id={id} markRead={mark.mutateAsync} />;
}

export function PreferencesForm({
  initial,
}: {
  initial: { category: NotificationCategory; delivery: NotificationDelivery }[];
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.savePreferences.mutationOptions());
  return <NotificationPreferencesForm initial={initial} savePreferences={save.mutateAsync} />;
}

export function LocaleForm({ initial }: { initial: "en" | "fr" }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.setLocale.mutationOptions());
  return <EmailLocaleForm initial={initial} setLocale={save.mutateAsync} />;
}
