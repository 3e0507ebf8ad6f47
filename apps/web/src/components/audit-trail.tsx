import { CardContent, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { useFormatter, useTranslations } from "next-intl";

interface AuditEventView {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  actor: { name: string | null; role: string | null } | null;
  before: unknown;
  after: unknown;
}

/** Fields whose value differs between the before and after snapshots, so a reader sees what changed at a glance. */
function changedFields(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((field) => ({ field, from: a[field], to: b[field] }));
}

const show = (value: unknown): string =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value);

export function AuditTrail({ events }: { events: AuditEventView[] }) {
  const t = useTranslations("ledger");
  const tc = useTranslations("common");
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
          <TableHead>{t("auditChanges")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const changes = changedFields(event.before, event.after);
          return (
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
                <code className="text-xs">{event.action}</code>
              </TableCell>
              <TableCell>
                {changes.length === 0 ? null : (
                  <details>
                    <summary className="cursor-pointer text-xs text-link">
                      {t("auditFieldCount", { count: changes.length })}
                    </summary>
                    <ul className="mt-1 space-y-0.5 text-xs">
                      {changes.slice(0, 20).map((c) => (
                        <li key={c.field}>
                          <span className="font-medium">{c.field}</span>: {show(c.from)} → {show(c.to)}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
