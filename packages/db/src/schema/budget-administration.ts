import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { money } from "./common";
import { allocations } from "./programmes";
import { users } from "./users";

export const allocationMovementKind = pgEnum("allocation_movement_kind", [
  "opening",
  "adjustment",
  "transfer_in",
  "transfer_out",
]);

/**
 * Every change to an allocation's amount, with its reason: append-only (a trigger refuses UPDATE and DELETE). A
 * transfer writes two rows sharing a transfer id, one per side, so each allocation's history is complete on its own.
 */
export const allocationMovements = pgTable(
  "allocation_movements",
  {
    id: uuid().primaryKey().defaultRandom(),
    allocationId: uuid()
      .notNull()
      .references(() => allocations.id),
    kind: allocationMovementKind().notNull(),
    amountBefore: money("amount_before").notNull(),
    amountAfter: money("amount_after").notNull(),
    reason: text().notNull(),
    transferId: uuid(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("allocation_movements_reason", sql`length(trim(${t.reason})) > 0`),
    check(
      "allocation_movements_transfer_shape",
      sql`(${t.kind} in ('transfer_in', 'transfer_out')) = (${t.transferId} is not null)`,
    ),
    index("allocation_movements_allocation_idx").on(t.allocationId, t.createdAt),
    index("allocation_movements_created_by_idx").on(t.createdById),
  ],
);
