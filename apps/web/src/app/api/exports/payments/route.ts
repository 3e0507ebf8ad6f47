import {
  exportFormatOf,
  exportResponse,
  PAYMENT_EXPORT_COLUMNS,
  type PaymentExportColumn,
  paymentsExport,
} from "@portal/api/services";
import { getTranslations } from "next-intl/server";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** Payments received and upcoming (the partner workspace's table) as CSV or XLSX, in the reader's scope; streamed. */
export const GET = http.route(
  async ({ ctx, url }) => {
    const t = await getTranslations({ locale: ctx.locale, namespace: "exports" });
    const format = exportFormatOf(url.searchParams.get("format"));
    const table = await paymentsExport(
      ctx.db,
      ctx.actor,
      {
        locale: ctx.locale,
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
  },
  { name: "exports.payments" },
);
