"use client";

import type { NotificationCategory, NotificationDelivery } from "@portal/domain";
import { EmailLocaleForm, MarkReadButton, NotificationPreferencesForm } from "@portal/ui/notification-controls";
import { useMutation } from "@tanstack/react-query";
import { useTRPC, withTRPC } from "@/trpc/client";

/** The shared notification controls, wired to this app's own API. */
function MarkRead({ id }: { id?: string }) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions());
  return <MarkReadButton id={id} markRead={mark.mutateAsync} />;
}

function PreferencesForm({
  initial,
}: {
  initial: { category: NotificationCategory; delivery: NotificationDelivery }[];
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.savePreferences.mutationOptions());
  return <NotificationPreferencesForm initial={initial} savePreferences={save.mutateAsync} />;
}

function LocaleForm({ initial }: { initial: "en" | "fr" }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notifications.setLocale.mutationOptions());
  return <EmailLocaleForm initial={initial} setLocale={save.mutateAsync} />;
}

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const MarkReadWithTRPC = withTRPC(MarkRead);
const PreferencesFormWithTRPC = withTRPC(PreferencesForm);
const LocaleFormWithTRPC = withTRPC(LocaleForm);
export { MarkReadWithTRPC as MarkRead, PreferencesFormWithTRPC as PreferencesForm, LocaleFormWithTRPC as LocaleForm };
