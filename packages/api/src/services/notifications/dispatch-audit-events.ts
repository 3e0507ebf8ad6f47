import { auditDispatches, auditEvents, type Database, notificationCursor } from "@portal/db";
import { and, asc, gt, notExists, sql } from "drizzle-orm";
import { AUDIT_HANDLERS } from "./audit-handlers";

// Any fixed key: one dispatcher at a time, whichever worker instance runs the job.
const DISPATCH_LOCK = 7_311_120_011;
/** Ids are taken before commit: an event older than this with a lower id than a dispatched one has surely committed. */
const SETTLE_SECONDS = 300;

/**
 * The transactional outbox: every mutation already writes one audit event in its own transaction, so the audit log
 * is the source of notifications. Reads events not yet dispatched after the stored cursor, hands each to its handler
 * (which writes notifications and e-mails idempotently, by dedup key) and records it as dispatched, all in one
 * transaction: a failure rolls the batch back and the retried job does it again, never twice.
 *
 * The first run starts from the newest event: history from before notifications existed is not news.
 */
export async function dispatchAuditEvents(db: Database, { batchSize = 500 } = {}) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DISPATCH_LOCK})`);
    let [cursor] = await tx.select().from(notificationCursor).for("update");
    if (!cursor) {
      const [{ max }] = (await tx.execute(
        sql`select coalesce(max(id), 0)::bigint as max from audit_events`,
      )) as unknown as [{ max: string }];
      [cursor] = await tx
        .insert(notificationCursor)
        .values({ id: 1, lastEventId: Number(max) })
        .returning();
      return { dispatched: 0, cursor: cursor!.lastEventId };
    }

    const events = await tx
      .select()
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.id, cursor.lastEventId),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(auditDispatches)
              .where(sql`${auditDispatches.auditEventId} = ${auditEvents.id}`),
          ),
        ),
      )
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);

    for (const event of events) {
      const handler = AUDIT_HANDLERS[event.action];
      if (handler) await handler(tx, event);
      await tx.insert(auditDispatches).values({ auditEventId: event.id }).onConflictDoNothing();
    }

    // Move the cursor past what is settled: below the first event not yet dispatched, and only over events old
    // enough that no earlier id can still commit. Dispatch records under the cursor are then no longer needed.
    const [settled] = (await tx.execute(sql`
      select least(
        coalesce((select min(e.id) - 1 from audit_events e
                   where e.id > ${cursor.lastEventId}
                     and not exists (select 1 from audit_dispatches d where d.audit_event_id = e.id)), 9223372036854775807),
        coalesce((select max(e.id) from audit_events e
                   where e.id > ${cursor.lastEventId} and e.at < now() - make_interval(secs => ${SETTLE_SECONDS})),
                 ${cursor.lastEventId})
      )::bigint as next
    `)) as unknown as [{ next: string }];
    const next = Math.max(cursor.lastEventId, Number(settled.next));
    if (next > cursor.lastEventId) {
      await tx.update(notificationCursor).set({ lastEventId: next, updatedAt: new Date() });
      await tx.delete(auditDispatches).where(sql`${auditDispatches.auditEventId} <= ${next}`);
    }
    return { dispatched: events.length, cursor: next };
  });
}
