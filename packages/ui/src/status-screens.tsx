"use client";

import { useTranslations } from "next-intl";
import { Alert } from "./alert";
import { Button } from "./button";

/** The error boundary's content in either app: plain words, and a way to try again. */
export function ErrorScreen({ reset }: { reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <Alert>{t("errorBody")}</Alert>
      <div>
        <Button onClick={reset}>{t("tryAgain")}</Button>
      </div>
    </div>
  );
}
