import { NOTIFICATION_CATEGORIES, type NotificationCategory } from "@portal/domain";
import { portalLink } from "./settings";
import { signToken, verifyToken } from "./signed-token";

const PURPOSE = "unsubscribe";

/**
 * What a link turns off: one category, or the daily digest (every category the person chose to receive once a day,
 * which is what a digest carries).
 */
export type UnsubscribeTarget = NotificationCategory | "digest";

/** The path of the one-click endpoint (RFC 8058): a POST there, with the token in the address, needs no sign-in. */
export const ONE_CLICK_UNSUBSCRIBE_PATH = "/api/unsubscribe";

const tokenFor = (userId: string, category: UnsubscribeTarget) =>
  encodeURIComponent(signToken(PURPOSE, `${userId}:${category}`));

/**
 * The link in the message's footer: a page that asks before turning one category off for one user, with no sign-in
 * (the token names both and is signed). A page and not an action, because mail scanners open links.
 */
export function unsubscribeLink(userId: string, category: UnsubscribeTarget): string {
  return portalLink(`/unsubscribe?token=${tokenFor(userId, category)}`);
}

/** The List-Unsubscribe address: mail clients POST `List-Unsubscribe=One-Click` to it, which turns the category off. */
export function oneClickUnsubscribeLink(userId: string, category: UnsubscribeTarget): string {
  return portalLink(`${ONE_CLICK_UNSUBSCRIBE_PATH}?token=${tokenFor(userId, category)}`);
}

export function readUnsubscribeToken(token: string): { userId: string; category: UnsubscribeTarget } | null {
  const payload = verifyToken(PURPOSE, token);
  if (!payload) return null;
  const [userId, category, extra] = payload.split(":");
  if (!userId || extra !== undefined) return null;
  if (category !== "digest" && !(NOTIFICATION_CATEGORIES as readonly string[]).includes(category ?? "")) return null;
  return { userId, category: category as UnsubscribeTarget };
}
