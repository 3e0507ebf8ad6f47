import { auditEvents, grants } from "@portal/db";
import { and, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { containsPattern } from "./like-pattern";
import type { AuditFilters } from "./inputs";

/** The WHERE of an audit-log view. Dates are whole days in UTC: "to" includes the whole of its day. */
export function auditConditions(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.entityType) conditions.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditEvents.entityId, filters.entityId));
  if (filters.q) {
    // Free text, as a reader remembers a change: a word of the action, a value before or after, a grant's reference or
    // title (which also finds the events of that grant's own record).
    const pattern = containsPattern(filters.q);
    conditions.push(
      or(
        ilike(auditEvents.action, pattern),
        ilike(auditEvents.entityId, pattern),
        sql`${auditEvents.before}::text ilike ${pattern}`,
        sql`${auditEvents.after}::text ilike ${pattern}`,
        sql`${auditEvents.entityId} in (select ${grants.id}::text from ${grants} where ${grants.reference} ilike ${pattern} or ${grants.titleEn} ilike ${pattern} or ${grants.titleFr} ilike ${pattern})`,
      )!,
    );
  }
  if (filters.from) conditions.push(gte(auditEvents.at, sql`${filters.from}::date`));
  if (filters.to) conditions.push(lt(auditEvents.at, sql`${filters.to}::date + 1`));
  return conditions.length > 0 ? and(...conditions) : undefined;
}
