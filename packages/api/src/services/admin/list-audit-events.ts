import { auditEvents, type DbOrTx, users } from "@portal/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { withAuditViews } from "../audit/audit-records";
import { auditConditions } from "./audit-conditions";
import { type AuditFilters, listAuditInput, type ListAuditInput } from "./inputs";
import { parseInput } from "../../parse-input";

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  actor: { id: auditEvents.actorId, role: auditEvents.actorRole, name: users.name, email: users.email },
  before: auditEvents.before,
  after: auditEvents.after,
};

/** One page of the audit log, newest first; (at, id) descending is a total order, so pages never overlap. */
export async function listAuditEvents(db: DbOrTx, actor: Actor, rawInput: ListAuditInput) {
  requireCapability(actor, "audit.read");
  const input = parseInput(listAuditInput, rawInput);
  const where = auditConditions(input.filters);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(columns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return { rows: await withAuditViews(db, rows), total, page: input.page, pageSize: input.pageSize };
}

function auditBatch(db: DbOrTx, filters: AuditFilters, cursor: { at: string; id: number } | null, size: number) {
  const keyset: SQL | undefined = cursor
    ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : undefined;
  return db
    .select({ ...columns, cursorAt: sql<string>`${auditEvents.at}::text` })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(auditConditions(filters), keyset))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(size);
}

/**
 * Every event matching the filters, in the same order as the pages, fetched in batches by keyset (at, id) so an
 * export of the whole log streams in constant memory however long it is.
 */
export async function* auditEventBatches(db: DbOrTx, actor: Actor, filters: AuditFilters, batchSize = 500) {
  requireCapability(actor, "audit.read");
  // The cursor keeps the timestamp as PostgreSQL's own text (microseconds), which a JS Date would round.
  let cursor: { at: string; id: number } | null = null;
  for (;;) {
    const rows = await auditBatch(db, filters, cursor, batchSize);
    if (rows.length === 0) return;
    yield rows.map(({ cursorAt: _cursor, ...row }) => row);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursorAt, id: last.id };
  }
}

/** How many events match: an export announces it so the browser can show progress. */
export async function countAuditEvents(db: DbOrTx, actor: Actor, filters: AuditFilters): Promise<number> {
  requireCapability(actor, "audit.read");
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(auditConditions(filters));
  return row?.total ?? 0;
}
