/** The audit log's filters as they arrive in the URL; anything malformed is dropped rather than refused. */
export type AuditSearch = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters the audit service is asked for, from the URL's. */
export function auditFilters(params: AuditSearch) {
  return {
    actorId: params.actor && UUID.test(params.actor) ? params.actor : undefined,
    action: params.action || undefined,
    entityType: params.entityType || undefined,
    entityId: params.entityId?.trim() || undefined,
    q: params.q?.trim().slice(0, 200) || undefined,
    from: params.from && ISO_DATE.test(params.from) ? params.from : undefined,
    to: params.to && ISO_DATE.test(params.to) ? params.to : undefined,
  };
}
export type AuditFilters = ReturnType<typeof auditFilters>;

/** The same filters as URL parameters, for links that keep them (pages, "only this person", the export). */
export function auditQuery(filters: AuditFilters) {
  return {
    actor: filters.actorId,
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    q: filters.q,
    from: filters.from,
    to: filters.to,
  };
}
