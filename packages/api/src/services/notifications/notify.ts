import { type DbOrTx, notifications } from "@portal/db";
import { NOTIFICATION_KINDS, type NotificationKind } from "@portal/domain";
import { deliveriesFor } from "./preferences";
import { queueEmail } from "./queue-email";
import type { Recipient } from "./recipients";
import { layoutEmail, type NotificationParams, portalNameIn, renderNotification, translatorFor } from "./render";
import { adminLink, notificationSettings, portalLink } from "./settings";
import { oneClickUnsubscribeLink, unsubscribeLink } from "./unsubscribe-link";

export interface NotificationToSend {
  kind: NotificationKind;
  params: NotificationParams;
  /** Path of the exact page, such as `/reports/<id>`. */
  path: string;
  /** Unique per event and kind; the user's id is appended, so one event notifies each person once. */
  dedupKey: string;
  auditEventId?: number;
}

/**
 * Notifies each recipient in the app, and by e-mail at once when their preference for the kind's category says so
 * (`digest` ones wait for the daily digest, `off` ones stay in the app only). Idempotent by dedup key.
 */
export async function notify(tx: DbOrTx, recipients: readonly Recipient[], note: NotificationToSend): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  if (unique.length === 0) return 0;
  const category = NOTIFICATION_KINDS[note.kind];
  const deliveries = await deliveriesFor(
    tx,
    unique.map((r) => r.id),
    category,
  );
  const settings = notificationSettings();
  let created = 0;
  for (const recipient of unique) {
    const delivery = deliveries.get(recipient.id) ?? "immediate";
    const dedupKey = `${note.dedupKey}:${recipient.id}`;
    const inserted = await tx
      .insert(notifications)
      .values({
        userId: recipient.id,
        category,
        kind: note.kind,
        params: note.params,
        link: note.path,
        dedupKey,
        auditEventId: note.auditEventId ?? null,
        emailDelivery: delivery,
        emailedAt: delivery === "immediate" ? new Date() : null,
      })
      .onConflictDoNothing({ target: notifications.dedupKey })
      .returning({ id: notifications.id });
    if (inserted.length === 0) continue;
    created += 1;
    if (delivery !== "immediate") continue;

    // Admins work in the admin console; everyone else's pages (and preferences) are in the portal.
    const isAdmin = recipient.role === "admin";
    const link = isAdmin ? adminLink(note.path, settings) : portalLink(note.path, settings);
    const t = translatorFor(recipient.locale);
    const { title, body } = renderNotification(note.kind, note.params, recipient.locale);
    const portal = portalNameIn(recipient.locale, settings);
    const rendered = layoutEmail({
      portal,
      greeting: t("notifications.email.greeting", { name: recipient.name }),
      paragraphs: [body],
      action: { label: t("notifications.email.openLink"), url: link },
      footer: [
        t("notifications.email.footer", { portal }),
        t("notifications.email.manage", {
          url: isAdmin ? adminLink("/notifications", settings) : portalLink("/notifications", settings),
        }),
        t("notifications.email.unsubscribe", {
          category: t(`notifications.categories.${category}`),
          url: unsubscribeLink(recipient.id, category),
        }),
      ],
    });
    await queueEmail(tx, {
      ...rendered,
      dedupKey,
      userId: recipient.id,
      to: recipient.email,
      locale: recipient.locale,
      category,
      subject: `${title} · ${portal}`,
      unsubscribeUrl: oneClickUnsubscribeLink(recipient.id, category),
    });
  }
  return created;
}
