import { BUDGET_GRANT_EXPORT_COLUMNS, type BudgetGrantExportColumn, budgetGrantsExport } from "@portal/api/admin";
import { exportFormatOf, exportResponse } from "@portal/api/services";
import { getTranslations } from "next-intl/server";
import { http, drilldownFilters } from "@/server/http";

export const dynamic = "force-dynamic";

/** The grants table of a budget drill-down (same allocation, year, partner and quarter as the page). */
export const GET = http.route(
  async ({ ctx, url }) => {
    const { actor, locale } = ctx;
    const format = exportFormatOf(url.searchParams.get("format"));
    const [t, status] = await Promise.all([
      getTranslations({ locale, namespace: "adminAudit" }),
      getTranslations({ locale, namespace: "grantStatus" }),
    ]);
    const table = await budgetGrantsExport(
      ctx.db,
      actor,
      drilldownFilters(url),
      {
        locale,
        fileBase: t("files.grantsFile"),
        sheetName: t("files.grantsSheet"),
        headers: Object.fromEntries(BUDGET_GRANT_EXPORT_COLUMNS.map((c) => [c, t(`budgetColumns.${c}`)])) as Record<
          BudgetGrantExportColumn,
          string
        >,
        status: (s) => status(s),
      },
      format,
    );
    return exportResponse(table, format);
  },
  { name: "exports.budget-grants" },
);
