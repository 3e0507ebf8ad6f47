import { auditEvents } from "@portal/db";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { AuditFilters } from "./inputs";

/** The WHERE of an audit-log view. Dates are whole days in UTC: "to" includes the whole of its day. */
export function auditConditions(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.entityType) conditions.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditEvents.entityId, filters.entityId));
  if (filters.from) conditions.push(gte(auditEvents.at, sql`${filters.from}::date`));
  if (filters.to) conditions.push(lt(auditEvents.at, sql`${filters.to}::date + 1`));
  return conditions.length > 0 ? and(...conditions) : undefined;
}
