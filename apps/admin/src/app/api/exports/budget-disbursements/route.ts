import {
  BUDGET_DISBURSEMENT_EXPORT_COLUMNS,
  type BudgetDisbursementExportColumn,
  budgetDisbursementsExport,
} from "@portal/api/admin";
import { exportFormatOf, exportResponse } from "@portal/api/services";
import { getTranslations } from "next-intl/server";
import { http, drilldownFilters } from "@/server/http";

export const dynamic = "force-dynamic";

/** The disbursements table of a budget drill-down (same allocation, year, partner and quarter as the page). */
export const GET = http.route(
  async ({ ctx, url }) => {
    const { actor, locale } = ctx;
    const format = exportFormatOf(url.searchParams.get("format"));
    const [t, status] = await Promise.all([
      getTranslations({ locale, namespace: "adminAudit" }),
      getTranslations({ locale, namespace: "grantStatus" }),
    ]);
    const table = await budgetDisbursementsExport(
      ctx.db,
      actor,
      drilldownFilters(url),
      {
        locale,
        fileBase: t("files.disbursementsFile"),
        sheetName: t("files.disbursementsSheet"),
        headers: Object.fromEntries(
          BUDGET_DISBURSEMENT_EXPORT_COLUMNS.map((c) => [c, t(`budgetColumns.${c}`)]),
        ) as Record<BudgetDisbursementExportColumn, string>,
        status: (s) => status(s),
      },
      format,
    );
    return exportResponse(table, format);
  },
  { name: "exports.budget-disbursements" },
);
