"use client";

import { useFormatter, useTranslations } from "next-intl";

/** A file size in the reader's language: "12 KB", "3.4 MB". */
export function FileSize({ bytes }: { bytes: number }) {
  const t = useTranslations("attachments");
  const format = useFormatter();
  if (bytes < 1024 * 1024) {
    return <>{t("kilobytes", { size: format.number(Math.max(1, Math.round(bytes / 1024))) })}</>;
  }
  return <>{t("megabytes", { size: format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) })}</>;
}
