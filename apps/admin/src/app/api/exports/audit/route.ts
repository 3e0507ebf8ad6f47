import { AUDIT_EXPORT_COLUMNS, type AuditExportColumn, auditExport } from "@portal/api/admin";
import { exportFormatOf, exportResponse } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { getTranslations } from "next-intl/server";
import { exportFailure, plainError, requestAdmin } from "../_lib/request";

export const dynamic = "force-dynamic";

/** The audit log as CSV or XLSX, with the page's filters (every page, newest first); streamed. */
export async function GET(request: Request) {
  const { actor, locale } = await requestAdmin(request);
  if (!actor) return plainError(401, "Please sign in as an administrator.");
  const url = new URL(request.url);
  const format = exportFormatOf(url.searchParams.get("format"));
  const [t, roles] = await Promise.all([
    getTranslations({ locale, namespace: "adminAudit" }),
    getTranslations({ locale, namespace: "common.roles" }),
  ]);
  const param = (name: string) => url.searchParams.get(name) || undefined;
  try {
    const table = await auditExport(
      getDb(),
      actor,
      {
        actorId: param("actor"),
        action: param("action"),
        entityType: param("entityType"),
        entityId: param("entityId"),
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
  } catch (error) {
    return exportFailure(error);
  }
}
