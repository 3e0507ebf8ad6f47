import { bigint, char, pgEnum, timestamp } from "drizzle-orm/pg-core";

/** Where a seeded or entered fact comes from; the UI must never pass illustrative data off as history. */
export const provenance = pgEnum("provenance", ["source-document", "public-record", "illustrative", "entered"]);

/**
 * Money is integer minor units. mode "number" is exact up to 2^53 cents (about 90 trillion dollars),
 * far beyond any grant; CHECK constraints below keep values in range.
 */
export const money = (name: string) => bigint(name, { mode: "number" });
export const currencyCode = (name = "currency") => char(name, { length: 3 });

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
