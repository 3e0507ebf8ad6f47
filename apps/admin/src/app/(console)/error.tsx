"use client";

import { Alert, Button } from "@portal/ui";
import { useTranslations } from "next-intl";

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
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
