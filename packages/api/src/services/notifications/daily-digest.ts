import { type Database, notifications, users } from "@portal/db";
import type { NotificationKind } from "@portal/domain";
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import { todayInOttawa } from "../today";
import { queueEmail } from "./queue-email";
import {
  formatIsoDate,
  layoutEmail,
  type NotificationParams,
  portalNameIn,
  renderNotification,
  translatorFor,
} from "./render";
import { adminLink, notificationSettings, portalLink } from "./settings";
import { oneClickUnsubscribeLink, unsubscribeLink } from "./unsubscribe-link";

/**
 * One e-mail per person gathering the notifications they chose to receive as a digest and that no digest has
 * carried yet. The dedup key names the person and the day, so a retried job sends one digest, and the notifications
 * are marked in the same transaction as the e-mail is written.
 */
export async function sendDailyDigests(db: Database, now = new Date()) {
  const settings = notificationSettings();
  const day = todayInOttawa(now);
  const waiting = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(eq(notifications.emailDelivery, "digest"), isNull(notifications.emailedAt), lt(notifications.createdAt, now)),
    );
  let sent = 0;
  for (const { userId } of waiting) {
    await db.transaction(async (tx) => {
      const [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.active, true)));
      const items = await tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.emailDelivery, "digest"),
            isNull(notifications.emailedAt),
            lt(notifications.createdAt, now),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .for("update", { skipLocked: true });
      if (items.length === 0) return;
      if (user) {
        const t = translatorFor(user.locale);
        // Admins' pages (and their notification settings) are in the admin console, everyone else's in the portal.
        const link = (path: string) => (user.role === "admin" ? adminLink(path, settings) : portalLink(path, settings));
        const portal = portalNameIn(user.locale, settings);
        const rendered = layoutEmail({
          portal,
          greeting: t("notifications.email.greeting", { name: user.name }),
          paragraphs: [t("notifications.email.digestIntro", { date: formatIsoDate(day, user.locale) })],
          items: items.map((item) => ({
            ...renderNotification(item.kind as NotificationKind, item.params as NotificationParams, user.locale),
            url: link(item.link),
          })),
          footer: [
            t("notifications.email.footer", { portal }),
            t("notifications.email.manage", { url: link("/notifications") }),
            t("notifications.email.unsubscribe", {
              category: t("notifications.categories.digest"),
              url: unsubscribeLink(userId, "digest"),
            }),
          ],
        });
        const written = await queueEmail(tx, {
          ...rendered,
          dedupKey: `digest:${userId}:${day}`,
          userId,
          to: user.email,
          locale: user.locale,
          category: "digest",
          subject: t("notifications.email.digestSubject", { portal, count: items.length }),
          unsubscribeUrl: oneClickUnsubscribeLink(userId, "digest"),
        });
        if (written) sent += 1;
      }
      await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          inArray(
            notifications.id,
            items.map((item) => item.id),
          ),
        );
    });
  }
  return { digests: sent };
}
