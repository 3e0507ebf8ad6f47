import {
  exportFormatOf,
  exportResponse,
  PAYMENT_EXPORT_COLUMNS,
  type PaymentExportColumn,
  paymentsExport,
} from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { getTranslations } from "next-intl/server";
import { plainError, requestActor } from "../_lib/request";

export const dynamic = "force-dynamic";

/** Payments received and upcoming (the partner workspace's table) as CSV or XLSX, in the reader's scope; streamed. */
export async function GET(request: Request) {
  const { actor, locale } = await requestActor(request);
  if (!actor) return plainError(401, "Please sign in.");
  const t = await getTranslations({ locale, namespace: "exports" });
  const format = exportFormatOf(new URL(request.url).searchParams.get("format"));
  const table = await paymentsExport(
    getDb(),
    actor,
    {
      locale,
      fileBase: t("paymentsFile"),
      sheetName: t("paymentsSheet"),
      headers: Object.fromEntries(PAYMENT_EXPORT_COLUMNS.map((c) => [c, t(`paymentColumns.${c}`)])) as Record<
        PaymentExportColumn,
        string
      >,
      kind: (kind) => t(`paymentKind.${kind}`),
      status: (s) => t(`paymentStatus.${s}`),
    },
    format,
  );
  return exportResponse(table, format);
}
