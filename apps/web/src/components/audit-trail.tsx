import { CardContent, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { AuditAction, type AuditChangeView, AuditRecord, type AuditRecordLink, AuditValue } from "@portal/ui/audit-log";
import { useFormatter, useTranslations } from "next-intl";

/** An event as the API's audit view model gives it: the record by reference and title, changes already compared. */
interface AuditEventView {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { name: string | null; role: string | null } | null;
  record: AuditRecordLink | null;
  changes: AuditChangeView[];
}

/** The portal opens its own pages; console pages are not linked from here. */
const portalHref = (href: NonNullable<AuditRecordLink["href"]>) => (href.app === "web" ? href.path : null);

export function AuditTrail({ events }: { events: AuditEventView[] }) {
  const t = useTranslations("ledger");
  const tc = useTranslations("common");
  const ta = useTranslations("auditLog");
  const format = useFormatter();
  if (events.length === 0)
    return <CardContent className="text-sm text-muted-foreground">{t("auditEmpty")}</CardContent>;
  return (
    <Table data-testid="audit-trail">
      <TableHeader>
        <TableRow>
          <TableHead>{t("auditWhen")}</TableHead>
          <TableHead>{t("auditWho")}</TableHead>
          <TableHead>{t("auditWhat")}</TableHead>
          <TableHead>{ta("auditRecord")}</TableHead>
          <TableHead>{t("auditChanges")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id}>
            <TableCell className="whitespace-nowrap">
              {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}
            </TableCell>
            <TableCell>
              {event.actor?.name ?? t("auditSystem")}
              {event.actor?.role ? (
                <div className="text-xs text-muted-foreground">{tc(`roles.${event.actor.role as "admin"}`)}</div>
              ) : null}
            </TableCell>
            <TableCell>
              <AuditAction action={event.action} />
            </TableCell>
            <TableCell>
              <AuditRecord
                entityType={event.entityType}
                entityId={event.entityId}
                record={event.record}
                hrefFor={portalHref}
              />
            </TableCell>
            <TableCell>
              {event.changes.length === 0 ? null : (
                <details>
                  <summary className="cursor-pointer text-xs text-link" data-testid="audit-change-count">
                    {t("auditFieldCount", { count: event.changes.length })}
                  </summary>
                  <ul className="mt-1 space-y-0.5 text-xs">
                    {event.changes.slice(0, 20).map((c) => (
                      <li key={c.field}>
                        <span className="font-medium">{c.field || "—"}</span>:{" "}
                        <AuditValue value={c.before} emptyLabel={ta("auditEmptyValue")} /> →{" "}
                        <AuditValue value={c.after} emptyLabel={ta("auditEmptyValue")} />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
