import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser: created at sign-in, checked on every request (so signing out, an admin ending a
 * user's sessions, or deactivation ends it on the server), with an absolute expiry and an idle clock.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    /** Random, unguessable; only ever inside the encrypted session cookie. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    app: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Moved at most once a minute, so the idle timeout costs a write per minute, not per request. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Whether this sign-in proved a second factor (TOTP). */
    secondFactor: boolean().notNull().default(false),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId), check("user_sessions_app", sql`${t.app} in ('web', 'admin')`)],
);

/**
 * Failed sign-ins per key (`account:<email>` or `address:<ip>`), shared by every app instance through the database.
 * A key past its limit is blocked until `blockedUntil`.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastFailureAt: timestamp({ withTimezone: true }).notNull(),
  blockedUntil: timestamp({ withTimezone: true }),
});

/** A TOTP authenticator enrolled by a user; `confirmedAt` is null until the first code proves the enrolment. */
export const userTotp = pgTable("user_totp", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** base32 secret, encrypted with a key derived from AUTH_SECRET (see @portal/auth/totp). */
  secret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  /** The last accepted time step, so one code cannot be replayed within its window. */
  lastStep: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Settings an administrator changes at run time, one row per key. */
export const portalSettings = pgTable(
  "portal_settings",
  {
    key: text().primaryKey(),
    value: jsonb().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid().references(() => users.id),
  },
  (t) => [index("portal_settings_updated_by_idx").on(t.updatedById)],
);
