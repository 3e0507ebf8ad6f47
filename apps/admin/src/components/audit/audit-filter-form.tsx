import { Button, Input, Label, Select } from "@portal/ui";
import { useFieldIds } from "@portal/ui/field";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { AuditFilters } from "./audit-search";

/** The audit log's search form: who, what, which record, free text and dates. */
export function AuditFilterForm({
  filters,
  options,
  filtered,
}: {
  filters: AuditFilters;
  options: { actors: { id: string; name: string | null; email: string }[]; actions: string[]; entityTypes: string[] };
  filtered: boolean;
}) {
  const t = useTranslations("adminAudit");
  const fieldId = useFieldIds();
  const tl = useTranslations("auditLog");
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      className="mb-4 grid items-end gap-3 md:grid-cols-3 lg:grid-cols-6"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("actor")}>{t("actor")}</Label>
        <Select id={fieldId("actor")} name="actor" defaultValue={filters.actorId ?? ""}>
          <option value="">{t("anyone")}</option>
          {options.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name || a.email}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("action")}>{t("action")}</Label>
        <Select id={fieldId("action")} name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {options.actions.map((action) => (
            <option key={action} value={action}>
              {tl.has(`actions.${action}`) ? tl(`actions.${action}` as "actions.grant.create") : action}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("entityType")}>{t("entityType")}</Label>
        <Select id={fieldId("entityType")} name="entityType" defaultValue={filters.entityType ?? ""}>
          <option value="">{t("anyEntityType")}</option>
          {options.entityTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("entityId")}>{t("entityId")}</Label>
        <Input id={fieldId("entityId")} name="entityId" defaultValue={filters.entityId ?? ""} spellCheck={false} />
      </div>
      <div className="flex flex-col gap-1.5 md:col-span-2">
        <Label htmlFor={fieldId("q")}>{tl("search")}</Label>
        <Input
          id={fieldId("q")}
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          aria-describedby={fieldId("q-hint")}
        />
        <p id={fieldId("q-hint")} className="text-xs text-muted-foreground">
          {tl("searchHint")}
        </p>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("from")}>{t("from")}</Label>
        <Input id={fieldId("from")} name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={fieldId("to")}>{t("to")}</Label>
        <Input id={fieldId("to")} name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="flex gap-2 md:col-span-3 lg:col-span-6">
        <Button type="submit">{t("apply")}</Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/audit">{t("clear")}</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
