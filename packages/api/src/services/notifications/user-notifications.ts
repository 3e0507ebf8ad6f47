import { type DbOrTx, notifications } from "@portal/db";
import type { NotificationKind } from "@portal/domain";
import type { Locale } from "@portal/ui/i18n";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { type NotificationParams, renderNotification } from "./render";

/** The signed-in person's notifications, newest first, written in the reader's language. */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  { unreadOnly = false, limit = 50 }: { unreadOnly?: boolean; limit?: number },
  locale: Locale,
) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    category: row.category,
    link: row.link,
    createdAt: row.createdAt,
    read: row.readAt !== null,
    ...renderNotification(row.kind as NotificationKind, row.params as NotificationParams, locale),
  }));
}

export async function unreadNotificationCount(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks some (or all) of one's own notifications read. Reading is not a change to the grants' record, so it writes
 * no audit event, like opening a page.
 */
export async function markNotificationsRead(db: DbOrTx, actor: Actor, { ids, all }: { ids?: string[]; all?: boolean }) {
  if (!all && (!ids || ids.length === 0)) throw refusal("VALIDATION", "chooseNotifications", {}, "ids");
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        all ? undefined : inArray(notifications.id, ids!),
      ),
    )
    .returning({ id: notifications.id });
  return { marked: updated.length };
}
