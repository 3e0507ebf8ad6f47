import { type DbOrTx, users } from "@portal/db";
import { type NotificationCategory, type NotificationDelivery, notificationCategoriesFor } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { preferencesOf, setPreference } from "./preferences";
import { readUnsubscribeToken } from "./unsubscribe-link";

export async function notificationSettingsOf(db: DbOrTx, actor: Actor) {
  const [user] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  return { locale: user?.locale ?? "en", preferences: await preferencesOf(db, actor.userId, actor.role) };
}

/** Saves one's choices per category (the ones given; others keep theirs). */
export async function saveNotificationPreferences(
  db: DbOrTx,
  actor: Actor,
  { preferences }: { preferences: { category: NotificationCategory; delivery: NotificationDelivery }[] },
) {
  const offered = notificationCategoriesFor(actor.role);
  const foreign = preferences.findIndex(({ category }) => !offered.includes(category));
  if (foreign >= 0) throw refusal("VALIDATION", "categoryNotForRole", {}, `preferences.${foreign}.category`);
  return db.transaction(async (tx) => {
    const before = await preferencesOf(tx, actor.userId, actor.role);
    for (const { category, delivery } of preferences) await setPreference(tx, actor.userId, category, delivery);
    const after = await preferencesOf(tx, actor.userId, actor.role);
    await writeAudit(tx, actor, {
      action: "user.setNotificationPreferences",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before,
      after,
    });
    return after;
  });
}

/** The language e-mails are written in (the app itself follows the language switch). */
export async function setProfileLocale(db: DbOrTx, actor: Actor, { locale }: { locale: "en" | "fr" }) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    if (!user) throw refusal("NOT_FOUND", "noSuchUser");
    await tx.update(users).set({ locale }).where(eq(users.id, actor.userId));
    await writeAudit(tx, actor, {
      action: "user.setLocale",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before: { locale: user.locale },
      after: { locale },
    });
    return { locale };
  });
}

/** What an unsubscribe link would turn off, for the confirmation page (no sign-in needed). */
export function describeUnsubscribe({ token }: { token: string }) {
  const target = readUnsubscribeToken(token);
  if (!target) throw refusal("VALIDATION", "unsubscribeLinkNotValid", {}, "token");
  return { category: target.category };
}

/**
 * One click from an e-mail, no sign-in: the signed token names the person and the category to turn off (or the
 * digest: every category they chose to receive once a day).
 */
export async function unsubscribe(db: DbOrTx, { token }: { token: string }) {
  const target = readUnsubscribeToken(token);
  if (!target) throw refusal("VALIDATION", "unsubscribeLinkNotValid", {}, "token");
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, target.userId));
    if (!user) throw refusal("VALIDATION", "unsubscribeLinkNotValid", {}, "token");
    const before = await preferencesOf(tx, user.id, user.role);
    const turnedOff =
      target.category === "digest"
        ? before.filter((p) => p.delivery === "digest").map((p) => p.category)
        : [target.category];
    for (const category of turnedOff) await setPreference(tx, user.id, category, "off");
    await writeAudit(
      tx,
      { userId: user.id, role: user.role, organisationIds: [] },
      {
        action: "user.unsubscribe",
        entityType: AUDIT_ENTITY.user,
        entityId: user.id,
        before:
          target.category === "digest"
            ? { category: "digest", preferences: before.filter((p) => turnedOff.includes(p.category)) }
            : before.find((p) => p.category === target.category),
        after:
          target.category === "digest"
            ? { category: "digest", delivery: "off", categories: turnedOff }
            : { category: target.category, delivery: "off" },
      },
    );
    return { category: target.category };
  });
}
