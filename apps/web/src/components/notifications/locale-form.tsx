"use client";

import { Alert, Button, Select } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRefreshingMutation } from "@/components/ledger/use-refreshing-mutation";
import { useTRPC, withTRPC } from "@/trpc/client";

/** The language one's e-mails are written in. */
function LocaleForm({ initial }: { initial: "en" | "fr" }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const [locale, setLocale] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useRefreshingMutation(
    useMutation(trpc.notifications.setLocale.mutationOptions()).mutateAsync,
    t("languageTitle"),
  );
  return (
    <form
      className="flex flex-wrap items-center gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void save.run({ locale }).then(setSaved);
      }}
    >
      <label htmlFor="email-locale" className="sr-only">
        {t("languageTitle")}
      </label>
      <Select id="email-locale" value={locale} onChange={(event) => setLocale(event.target.value as "en" | "fr")}>
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

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const LocaleFormWithTRPC = withTRPC(LocaleForm);
export { LocaleFormWithTRPC as LocaleForm };
