import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "@portal/domain";
import { portalLink } from "./settings";
import { signToken, verifyToken } from "./signed-token";

const PURPOSE = "unsubscribe";

/** A link that turns one category off for one user, with no sign-in: the token names both and is signed. */
export function unsubscribeLink(userId: string, category: NotificationCategory): string {
  return portalLink(`/unsubscribe?token=${encodeURIComponent(signToken(PURPOSE, `${userId}:${category}`))}`);
}

export function readUnsubscribeToken(token: string): { userId: string; category: NotificationCategory } | null {
  const payload = verifyToken(PURPOSE, token);
  if (!payload) return null;
  const [userId, category, extra] = payload.split(":");
  if (!userId || extra !== undefined) return null;
  if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category ?? "")) return null;
  return { userId, category: category as NotificationCategory };
}
