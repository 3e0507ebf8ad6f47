import { createHash, randomBytes } from "node:crypto";
import { type DbOrTx, passwordResetTokens, users } from "@portal/db";
import { SECURITY_CATEGORY } from "@portal/domain";
import { hashPassword } from "@portal/domain/password";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { queueEmail } from "./queue-email";
import { layoutEmail, portalNameIn, translatorFor } from "./render";
import { notificationSettings, portalLink } from "./settings";

export const RESET_LIFETIME_MINUTES = 30;
/** At most this many links per account in RESET_WINDOW_MINUTES; further requests are answered alike and ignored. */
export const RESET_LIMIT = 3;
const RESET_WINDOW_MINUTES = 60;

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Sends a reset link to an active account with a password. The answer is the same whether or not the address has an
 * account, and whether or not the request was throttled, so it tells nothing about who has an account.
 */
export async function requestPasswordReset(db: DbOrTx, { email }: { email: string }, now = new Date()) {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.email, email), eq(users.active, true)))
      .for("update");
    if (!user) return;
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          gt(passwordResetTokens.createdAt, new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000)),
        ),
      );
    if ((recent?.n ?? 0) >= RESET_LIMIT) return;

    const token = randomBytes(32).toString("base64url");
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({
        userId: user.id,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_LIFETIME_MINUTES * 60_000),
      })
      .returning({ id: passwordResetTokens.id });
    const settings = notificationSettings();
    const t = translatorFor(user.locale);
    const portal = portalNameIn(user.locale, settings);
    const url = portalLink(`/reset-password?token=${encodeURIComponent(token)}`, settings);
    await queueEmail(tx, {
      ...layoutEmail({
        portal,
        greeting: t("notifications.email.greeting", { name: user.name }),
        paragraphs: [t("notifications.email.resetBody", { minutes: RESET_LIFETIME_MINUTES })],
        action: { label: t("notifications.email.resetLink"), url },
        footer: [t("notifications.email.footer", { portal })],
      }),
      dedupKey: `password-reset:${row!.id}`,
      userId: user.id,
      to: user.email,
      locale: user.locale,
      category: SECURITY_CATEGORY,
      subject: t("notifications.email.resetSubject", { portal }),
    });
    await writeAudit(
      tx,
      { userId: user.id, role: user.role, organisationIds: [] },
      {
        action: "user.requestPasswordReset",
        entityType: AUDIT_ENTITY.user,
        entityId: user.id,
        before: null,
        after: { resetTokenId: row!.id, expiresAt: new Date(now.getTime() + RESET_LIFETIME_MINUTES * 60_000) },
      },
    );
  });
  return { ok: true as const };
}

/**
 * Sets a new password with a reset link: the token works once, within its lifetime; using it also ends every other
 * session (whoever knew the old password is signed out) and spends the account's other reset links.
 */
export async function resetPassword(
  db: DbOrTx,
  { token, password }: { token: string; password: string },
  now = new Date(),
): Promise<{ ok: true }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
      .for("update");
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw refusal("VALIDATION", "resetLinkExpired", {}, "token");
    }
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
    if (!user || !user.active) {
      throw refusal("VALIDATION", "resetLinkExpired", {}, "token");
    }
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.update(users).set({ passwordHash, sessionsRevokedAt: now }).where(eq(users.id, user.id));
    await writeAudit(
      tx,
      { userId: user.id, role: user.role, organisationIds: [] },
      {
        action: "user.resetPassword",
        entityType: AUDIT_ENTITY.user,
        entityId: user.id,
        before: null,
        after: { passwordChanged: true, sessionsRevokedAt: now },
      },
    );
    return { ok: true as const };
  });
}
