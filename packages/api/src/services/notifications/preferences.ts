import { type DbOrTx, notificationPreferences } from "@portal/db";
import {
  DEFAULT_DELIVERY,
  notificationCategoriesFor,
  type NotificationCategory,
  type NotificationDelivery,
  type Role,
} from "@portal/domain";
import { and, eq, inArray } from "drizzle-orm";

/** Each category's choice for some users (defaults filled in). */
export async function deliveriesFor(
  db: DbOrTx,
  userIds: readonly string[],
  category: NotificationCategory,
): Promise<Map<string, NotificationDelivery>> {
  const result = new Map<string, NotificationDelivery>(userIds.map((id) => [id, DEFAULT_DELIVERY]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ userId: notificationPreferences.userId, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, [...userIds]), eq(notificationPreferences.category, category)));
  for (const row of rows) result.set(row.userId, row.delivery);
  return result;
}

/** One user's choices for every category their role receives, in the catalogue's order. */
export async function preferencesOf(db: DbOrTx, userId: string, role: Role) {
  const rows = await db
    .select({ category: notificationPreferences.category, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [row.category, row.delivery]));
  return notificationCategoriesFor(role).map((category) => ({
    category,
    delivery: chosen.get(category) ?? DEFAULT_DELIVERY,
  }));
}

export async function setPreference(
  db: DbOrTx,
  userId: string,
  category: NotificationCategory,
  delivery: NotificationDelivery,
): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, category, delivery })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.category],
      set: { delivery, updatedAt: new Date() },
    });
}
