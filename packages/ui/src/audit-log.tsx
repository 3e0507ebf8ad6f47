import { formatAmount, formatMessageParams, type MessageParams } from "@portal/domain";
import { useLocale, useTranslations } from "next-intl";
import type { ErrorTranslator } from "./refusal-format";

/** The audit view model's parts (see `@portal/api` audit-records and audit-changes), as the pages receive them. */
export type AuditValueView =
  { kind: "money"; amount: number; currency: string } | { kind: "text"; text: string } | null;
export interface AuditChangeView {
  field: string;
  before: AuditValueView;
  after: AuditValueView;
}
export interface AuditRecordLink {
  reference: string | null;
  title: { en: string; fr: string } | null;
  sentence: { key: string; params: MessageParams } | null;
  href: { app: "web" | "admin"; path: string } | null;
}

function useAuditLog() {
  return useTranslations("auditLog") as unknown as ErrorTranslator;
}

/** An audited action in words ("Marked a payment due"); an action the catalogue does not know yet keeps its code. */
export function AuditAction({ action }: { action: string }) {
  const t = useAuditLog();
  const key = `actions.${action}`;
  return t.has(key) ? <span data-action={action}>{t(key)}</span> : <code className="text-xs">{action}</code>;
}

/**
 * The record an event touched, by its reference and title, linked where it lives: `hrefFor` turns the record's place
 * into a URL this app can open (or null).
 */
export function AuditRecord({
  entityType,
  entityId,
  record,
  hrefFor,
}: {
  entityType: string;
  entityId: string;
  record: AuditRecordLink | null;
  hrefFor: (href: NonNullable<AuditRecordLink["href"]>) => string | null;
}) {
  const t = useAuditLog();
  const locale = useLocale();
  const kind = t.has(`entities.${entityType}`) ? t(`entities.${entityType}`) : entityType;
  const title = record?.sentence
    ? t(record.sentence.key, formatMessageParams(record.sentence.params, locale))
    : record?.title
      ? locale === "fr"
        ? record.title.fr
        : record.title.en
      : null;
  const label = [record?.reference && !record.sentence ? record.reference : null, title].filter(Boolean).join(" — ");
  const href = record?.href ? hrefFor(record.href) : null;
  return (
    <>
      <div className="text-xs text-muted-foreground">{kind}</div>
      {label ? (
        href ? (
          <a href={href} className="text-sm link">
            {label}
          </a>
        ) : (
          <span className="text-sm">{label}</span>
        )
      ) : (
        <span className="text-sm text-muted-foreground">{t("recordUnknown", { id: entityId.slice(0, 8) })}</span>
      )}
    </>
  );
}

/** A changed value: amounts formatted for the reader ("$60,000.00", not 6000000), text as it was. */
export function AuditValue({ value, emptyLabel }: { value: AuditValueView; emptyLabel: string }) {
  const locale = useLocale();
  if (value === null) return <span aria-label={emptyLabel}>∅</span>;
  if (value.kind === "money")
    return <span data-amount={value.amount}>{formatAmount(value.amount, value.currency, locale)}</span>;
  return <>{value.text}</>;
}
