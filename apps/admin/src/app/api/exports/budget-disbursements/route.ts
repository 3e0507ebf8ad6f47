import {
  BUDGET_DISBURSEMENT_EXPORT_COLUMNS,
  type BudgetDisbursementExportColumn,
  budgetDisbursementsExport,
} from "@portal/api/admin";
import { exportFormatOf, exportResponse } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { getTranslations } from "next-intl/server";
import { drilldownFilters, exportFailure, plainError, requestAdmin } from "../_lib/request";

export const dynamic = "force-dynamic";

/** The disbursements table of a budget drill-down (same allocation, year, partner and quarter as the page). */
export async function GET(request: Request) {
  const { actor, locale } = await requestAdmin(request);
  if (!actor) return plainError(401, "Please sign in as an administrator.");
  const url = new URL(request.url);
  const format = exportFormatOf(url.searchParams.get("format"));
  const [t, status] = await Promise.all([
    getTranslations({ locale, namespace: "adminAudit" }),
    getTranslations({ locale, namespace: "grantStatus" }),
  ]);
  try {
    const table = await budgetDisbursementsExport(
      getDb(),
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
  } catch (error) {
    return exportFailure(error);
  }
}
