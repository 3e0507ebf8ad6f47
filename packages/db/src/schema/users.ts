import { MEMBERSHIP_CAPABILITIES, OUTSIDE_PROGRAMME_ACCESS, ROLES } from "@portal/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "./common";
import { organisations } from "./organisations";
import { programmes } from "./programmes";

// The values have one home, @portal/domain; the enums follow it (a change there needs a migration).
export const userRole = pgEnum("user_role", ROLES);
export const locale = pgEnum("locale", ["en", "fr"]);
export const outsideProgrammeAccess = pgEnum("outside_programme_access", OUTSIDE_PROGRAMME_ACCESS);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id hash, or a legacy scrypt one upgraded at the next sign-in (see @portal/domain/password); null for users who only sign in through OpenID Connect. */
    passwordHash: text(),
    role: userRole().notNull(),
    active: boolean().notNull().default(true),
    locale: locale().notNull().default("en"),
    lastSignInAt: timestamp({ withTimezone: true }),
    /** Sessions that began before this instant are refused (set on deactivation, so reactivating revives none). */
    sessionsRevokedAt: timestamp({ withTimezone: true }),
    /**
     * Bumped by triggers (migration 0007) whenever anything a session carries changes (role, activity, name, locale,
     * memberships), so a cached session user is reused only while this number is unchanged.
     */
    authVersion: integer().notNull().default(0),
    /** For officers: grants outside their programmes (officer_programmes) are read-only or hidden (migration 0013). */
    outsideProgrammeAccess: outsideProgrammeAccess().notNull().default("read_only"),
    ...timestamps,
  },
  (t) => [
    unique("users_email_unique").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    index("users_name_idx").on(t.name, t.id),
  ],
);

/** Links an external (OpenID Connect) identity to a user. */
export const userIdentities = pgTable(
  "user_identities",
  {
    provider: text().notNull(),
    subject: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

export const membershipCapability = pgEnum("membership_capability", MEMBERSHIP_CAPABILITIES);

/** A partner user's membership of an organisation, with what they may do there. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    capabilities: membershipCapability()
      .array()
      .notNull()
      .default(sql`'{view}'`),
    ...timestamps,
  },
  (t) => [
    unique("memberships_user_org_unique").on(t.userId, t.organisationId),
    index("memberships_org_idx").on(t.organisationId),
    check("memberships_has_view", sql`'view' = any(${t.capabilities})`),
  ],
);

/**
 * The programmes an officer manages grants of (an assigned fund covers its programmes); an officer with no rows here
 * manages nothing. Set by admins (services/admin/set-officer-scope.ts); read by services/grants/grant-scope.ts.
 */
export const officerProgrammes = pgTable(
  "officer_programmes",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.programmeId] }),
    index("officer_programmes_programme_idx").on(t.programmeId),
  ],
);

/**
 * An invitation to join: by an admin (any role) or by a partner organisation's manager (a colleague at their
 * organisation). Only a hash of the token is stored; the link carries the token itself.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull().default(""),
    role: userRole().notNull(),
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    capabilities: membershipCapability()
      .array()
      .notNull()
      .default(sql`'{view}'`),
    tokenHash: text().notNull().unique(),
    invitedById: uuid().references(() => users.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedUserId: uuid().references(() => users.id),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("invitations_partner_has_org", sql`${t.role} <> 'partner' or ${t.organisationId} is not null`),
    index("invitations_email_idx").on(t.email),
    index("invitations_organisation_idx").on(t.organisationId, t.createdAt),
    index("invitations_invited_by_idx").on(t.invitedById),
    index("invitations_accepted_user_idx").on(t.acceptedUserId),
    index("invitations_created_idx").on(t.createdAt),
  ],
);
