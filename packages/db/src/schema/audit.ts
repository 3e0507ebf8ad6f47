import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { userRole, users } from "./users";

/**
 * Who did what to which record, before and after. Written in the same transaction as the change; a trigger in the
 * migrations refuses UPDATE and DELETE so the log is append-only.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    actorRole: userRole(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    /** The request that made the change, as in the server log and the response's x-request-id header. */
    requestId: text(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId),
  ],
);
