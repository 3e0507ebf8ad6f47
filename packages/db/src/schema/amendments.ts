import { AMENDMENT_STATUSES, type AmendmentChange, type ProposeAmendmentData } from "@portal/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { grants } from "./grants";
import { users } from "./users";

export const amendmentStatus = pgEnum("amendment_status", AMENDMENT_STATUSES);

/**
 * A proposed or decided change to a signed grant. `request` is what the proposer asked for; `changes` is each field
 * before and after, computed when proposed and computed again (against the grant as it then is) when approved.
 * Only an approved amendment has a number: the grant's history reads 1, 2, 3 without gaps. The database insists on
 * four eyes, one pending amendment per grant at a time, and a reason for every proposal and refusal.
 */
export const grantAmendments = pgTable(
  "grant_amendments",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id),
    number: smallint(),
    status: amendmentStatus().notNull().default("pending"),
    reason: text().notNull(),
    request: jsonb().$type<Omit<ProposeAmendmentData, "grantId" | "reason">>().notNull(),
    changes: jsonb().$type<AmendmentChange[]>().notNull(),
    proposedById: uuid()
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
  },
  (t) => [
    unique("grant_amendments_number_unique").on(t.grantId, t.number),
    check("grant_amendments_reason", sql`length(trim(${t.reason})) > 0`),
    check("grant_amendments_numbered_when_approved", sql`(${t.status} = 'approved') = (${t.number} is not null)`),
    check("grant_amendments_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    check(
      "grant_amendments_four_eyes",
      sql`${t.status} <> 'approved' or (${t.decidedById} is not null and ${t.decidedById} <> ${t.proposedById})`,
    ),
    check(
      "grant_amendments_withdrawn_by_proposer",
      sql`${t.status} <> 'withdrawn' or ${t.decidedById} = ${t.proposedById}`,
    ),
    uniqueIndex("grant_amendments_one_pending")
      .on(t.grantId)
      .where(sql`${t.status} = 'pending'`),
    index("grant_amendments_grant_idx").on(t.grantId, t.proposedAt),
    index("grant_amendments_proposed_by_idx").on(t.proposedById),
    index("grant_amendments_decided_by_idx").on(t.decidedById),
  ],
);
export type GrantAmendment = typeof grantAmendments.$inferSelect;
