/** One field of an audited record whose value differs between before and after. */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a person reads it in a table cell: text as is, everything else as compact JSON. */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * The differences between an audit event's before and after: for records (objects), the fields whose values differ
 * (every field of a created or deleted record); for anything else, the whole value. Nested values are compared as
 * JSON, field by field at the top level, which is how services write their snapshots.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = displayValue(before);
    const a = displayValue(after);
    return b === a ? [] : [{ field: "", before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((field) => JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null))
    .map((field) => ({ field, before: displayValue(b[field]), after: displayValue(a[field]) }));
}
