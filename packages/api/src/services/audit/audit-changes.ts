/** A value of an audited field as a reader sees it: an amount (minor units, formatted by the reader), or text. */
export type AuditValue = { kind: "money"; amount: number; currency: string } | { kind: "text"; text: string } | null;

/** One field of an audited record whose value differs between before and after. */
export interface AuditChange {
  field: string;
  before: AuditValue;
  after: AuditValue;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Snapshot fields that hold money in minor units (services write amounts as integer cents, never floats). */
const MONEY_FIELD =
  /^(amount|totalAmount|totalAmountCad|committed|disbursed|directCost|available|remaining)$|Amount$|Cents$/;

/** A value as a person reads it in a table cell: text as is, everything else as compact JSON. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function auditValue(field: string, value: unknown, currency: string): AuditValue {
  if (typeof value === "number" && Number.isSafeInteger(value) && MONEY_FIELD.test(field))
    return { kind: "money", amount: value, currency };
  const text = displayValue(value);
  return text === null ? null : { kind: "text", text };
}

/** The text of a value, for exports and search: amounts stay their minor units there. */
export function valueText(value: AuditValue): string | null {
  if (value === null) return null;
  return value.kind === "money" ? String(value.amount) : value.text;
}

/**
 * The differences between an audit event's before and after: for records (objects), the fields whose values differ
 * (every field of a created or deleted record); for anything else, the whole value. Nested values are compared as
 * JSON, field by field at the top level, which is how services write their snapshots. A field absent on one side and
 * null on the other is no change. Both apps count changes with this one function.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = auditValue("", before, "CAD");
    const a = auditValue("", after, "CAD");
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ field: "", before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const currency = (r: Record<string, unknown>) => (typeof r.currency === "string" ? r.currency : "CAD");
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) => ({
      field,
      before: auditValue(field, b[field], currency(b)),
      after: auditValue(field, a[field], currency(a)),
    }));
}
