import {
  exportFormatOf,
  exportResponse,
  GRANT_EXPORT_COLUMNS,
  type GrantExportColumn,
  grantListExport,
} from "@portal/api/services";
import { getTranslations } from "next-intl/server";
import { grantListQuery, parseGrantListParams } from "@/components/grant-list/search-params";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** The grant list as CSV or XLSX, with the list page's own filters and sort, in the reader's scope; streamed. */
export const GET = http.route(
  async ({ ctx, url }) => {
    const { actor, locale } = ctx;
    const params = parseGrantListParams(Object.fromEntries(url.searchParams));
    const [t, status] = await Promise.all([
      getTranslations({ locale, namespace: "exports" }),
      getTranslations({ locale, namespace: actor.role === "partner" ? "partnerGrantStatus" : "grantStatus" }),
    ]);
    const format = exportFormatOf(url.searchParams.get("format"));
    const table = await grantListExport(
      ctx.db,
      actor,
      grantListQuery(params),
      {
        locale,
        fileBase: t("grantsFile"),
        sheetName: t("grantsSheet"),
        headers: Object.fromEntries(GRANT_EXPORT_COLUMNS.map((c) => [c, t(`grantColumns.${c}`)])) as Record<
          GrantExportColumn,
          string
        >,
        status: (s) => status(s),
      },
      format,
    );
    return exportResponse(table, format);
  },
  { name: "exports.grants" },
);
