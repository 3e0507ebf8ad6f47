import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { locale, users } from "./users";

/** How a user wants one category of messages by e-mail. In-app notifications are kept whatever the choice. */
export const notificationDelivery = pgEnum("notification_delivery", ["immediate", "digest", "off"]);

/** What became of an e-mail: `pending` waits for the worker, `outbox` was kept for reading (no SMTP configured). */
export const emailStatus = pgEnum("email_status", ["pending", "sent", "outbox", "failed"]);

/**
 * One in-app notification for one user. `kind` names a message of the `notifications` catalogue and `params` fill
 * it, so it reads in the reader's current language. `dedupKey` is unique: dispatching an event twice (a retried job)
 * cannot notify twice. `emailDelivery` is the user's preference when it was made; the digest job picks up the
 * `digest` ones not yet e-mailed.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text().notNull(),
    kind: text().notNull(),
    params: jsonb()
      .notNull()
      .default(sql`'{}'::jsonb`),
    link: text().notNull(),
    dedupKey: text().notNull().unique(),
    auditEventId: bigint({ mode: "number" }),
    emailDelivery: notificationDelivery().notNull(),
    emailedAt: timestamp({ withTimezone: true }),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index("notifications_digest_idx")
      .on(t.userId)
      .where(sql`${t.emailDelivery} = 'digest' and ${t.emailedAt} is null`),
  ],
);

/**
 * Every e-mail, rendered as it is (or would be) sent. `dedupKey` is unique, so a message is written once however
 * often the job that writes it runs; the worker sends a `pending` row under a row lock and marks it in the same
 * transaction, so a retried delivery job never sends it twice.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    dedupKey: text().notNull().unique(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    toAddress: text().notNull(),
    locale: locale().notNull(),
    category: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** The one-click unsubscribe address (List-Unsubscribe, RFC 8058) of category mail; null on security mail. */
    unsubscribeUrl: text(),
    status: emailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("email_messages_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    index("email_messages_created_idx").on(t.createdAt),
    index("email_messages_user_idx").on(t.userId),
  ],
);

/** A user's choice per category; no row means the category's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text().notNull(),
    delivery: notificationDelivery().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

/** Password reset: only the SHA-256 of the token is stored; single use, short expiry. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId, t.createdAt)],
);

/**
 * The audit-event dispatcher's progress: events up to `lastEventId` are settled. Events above it that were already
 * dispatched are in `audit_dispatches`, because ids are handed out before commit and can appear out of order.
 */
export const notificationCursor = pgTable(
  "notification_cursor",
  {
    id: integer().primaryKey().default(1),
    lastEventId: bigint({ mode: "number" }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("notification_cursor_single_row", sql`${t.id} = 1`)],
);

export const auditDispatches = pgTable("audit_dispatches", {
  auditEventId: bigint({ mode: "number" }).primaryKey(),
  dispatchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** When each scheduled job last fired, so a tick fires each due run once, whichever instance ticks. */
export const jobScheduleRuns = pgTable("job_schedule_runs", {
  name: text().primaryKey(),
  lastFiredAt: timestamp({ withTimezone: true }).notNull(),
});
