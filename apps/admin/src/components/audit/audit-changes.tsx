import { type AuditChangeView, AuditValue } from "@portal/ui/audit-log";
import { useTranslations } from "next-intl";

/** An event's changed fields, before and after, folded under their count. */
export function AuditChanges({ changes }: { changes: AuditChangeView[] }) {
  const t = useTranslations("adminAudit");
  if (changes.length === 0) return <span className="text-sm text-muted-foreground">{t("noChanges")}</span>;
  return (
    <details>
      <summary className="cursor-pointer text-sm">{t("changedFields", { count: changes.length })}</summary>
      <table className="mt-2 w-full text-xs">
        <thead>
          <tr className="text-left text-muted-foreground">
            <th scope="col" className="pr-2 font-semibold">
              {t("field")}
            </th>
            <th scope="col" className="pr-2 font-semibold">
              {t("before")}
            </th>
            <th scope="col" className="font-semibold">
              {t("after")}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field} className="border-t border-border align-top">
              <th scope="row" className="py-1 pr-2 text-left font-mono font-normal">
                {change.field || "—"}
              </th>
              <td className="break-all py-1 pr-2 text-red-800">
                <AuditValue value={change.before} emptyLabel={t("empty")} />
              </td>
              <td className="break-all py-1 text-emerald-800">
                <AuditValue value={change.after} emptyLabel={t("empty")} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
