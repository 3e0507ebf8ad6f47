"use client";

import { NOTIFICATION_DELIVERIES, type NotificationCategory, type NotificationDelivery } from "@portal/domain";
import { isApiError } from "./server-errors";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { useFieldIds } from "./field";
import { Select } from "./form";

type Mutate<TInput> = (input: TInput) => Promise<unknown>;

/** Runs one of the notification mutations, then re-reads the server page (the bell's count, the list). */
function useRefreshing<TInput>(mutate: Mutate<TInput>, fallback: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [refreshing, startTransition] = useTransition();
  async function run(input: TInput): Promise<boolean> {
    setError(null);
    setPending(true);
    try {
      await mutate(input);
      startTransition(() => router.refresh());
      return true;
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : fallback);
      return false;
    } finally {
      setPending(false);
    }
  }
  return { run, error, pending: pending || refreshing };
}

/**
 * The notification controls of either app, each wired by the app to its own API (the portal's router or the admin
 * console's): mark read, e-mail preferences per category, language of e-mails.
 */
export function MarkReadButton({ id, markRead }: { id?: string; markRead: Mutate<{ ids: string[] } | { all: true }> }) {
  const t = useTranslations("notifications");
  const mark = useRefreshing(markRead, t("empty"));
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

/** Per category: immediately, daily digest or off. */
export function NotificationPreferencesForm({
  initial,
  savePreferences,
}: {
  initial: { category: NotificationCategory; delivery: NotificationDelivery }[];
  savePreferences: Mutate<{ preferences: { category: NotificationCategory; delivery: NotificationDelivery }[] }>;
}) {
  const t = useTranslations("notifications");
  const fieldId = useFieldIds();
  const [choices, setChoices] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useRefreshing(savePreferences, t("preferencesTitle"));
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
          <label htmlFor={fieldId(category)} className="text-sm">
            {t(`categories.${category}`)}
          </label>
          <Select
            id={fieldId(category)}
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

/** The language one's e-mails are written in. */
export function EmailLocaleForm({
  initial,
  setLocale,
}: {
  initial: "en" | "fr";
  setLocale: Mutate<{ locale: "en" | "fr" }>;
}) {
  const t = useTranslations("notifications");
  const fieldId = useFieldIds();
  const [locale, choose] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useRefreshing(setLocale, t("languageTitle"));
  return (
    <form
      className="flex flex-wrap items-center gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void save.run({ locale }).then(setSaved);
      }}
    >
      <label htmlFor={fieldId("locale")} className="sr-only">
        {t("languageTitle")}
      </label>
      <Select id={fieldId("locale")} value={locale} onChange={(event) => choose(event.target.value as "en" | "fr")}>
        <option value="en">{t("languages.en")}</option>
        <option value="fr">{t("languages.fr")}</option>
      </Select>
      <Button type="submit" variant="outline" disabled={save.pending}>
        {t("saveLanguage")}
      </Button>
      {saved ? <span className="text-sm text-muted-foreground">{t("languageSaved")}</span> : null}
      {save.error ? <Alert>{save.error}</Alert> : null}
    </form>
  );
}
