import { AUDIT_EXPORT_COLUMNS, type AuditExportColumn, auditExport } from "@portal/api/admin";
import { exportFormatOf, exportResponse } from "@portal/api/services";
import { getTranslations } from "next-intl/server";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** The audit log as CSV or XLSX, with the page's filters (every page, newest first); streamed. */
export const GET = http.route(
  async ({ ctx, url }) => {
    const { actor, locale } = ctx;
    const format = exportFormatOf(url.searchParams.get("format"));
    const [t, roles] = await Promise.all([
      getTranslations({ locale, namespace: "adminAudit" }),
      getTranslations({ locale, namespace: "common.roles" }),
    ]);
    const param = (name: string) => url.searchParams.get(name) || undefined;
    const table = await auditExport(
      ctx.db,
      actor,
      {
        actorId: param("actor"),
        action: param("action"),
        entityType: param("entityType"),
        entityId: param("entityId"),
        q: param("q"),
        from: param("from"),
        to: param("to"),
      },
      {
        fileBase: t("files.auditFile"),
        sheetName: t("files.auditSheet"),
        headers: Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<
          AuditExportColumn,
          string
        >,
        role: (role) => roles(role as "admin"),
      },
      format,
    );
    return exportResponse(table, format);
  },
  { name: "exports.audit" },
);
