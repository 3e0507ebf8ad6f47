import { type DbOrTx, users, userSessions, userTotp } from "@portal/db";
import { hashPassword, verifyPassword } from "@portal/domain/password";
import { consumeTotp, newTotpSecret, sealSecret, totpUri } from "@portal/auth/totp";
import { and, eq, ne, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { passwordIsStrong } from "./password-strength";
import { approvalsRequireSecondFactor } from "./settings";

/** Authenticators are for the people who approve money: officers and admins. */
function requireStaff(actor: Actor): void {
  if (actor.role === "partner") {
    throw refusal("FORBIDDEN", "authenticatorForStaff");
  }
}

async function userOrThrow(db: DbOrTx, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw refusal("NOT_FOUND", "noSuchUser");
  return user;
}

async function requireCurrentPassword(db: DbOrTx, userId: string, password: string): Promise<void> {
  const user = await userOrThrow(db, userId);
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
    throw refusal("VALIDATION", "currentPasswordWrong", {}, "currentPassword");
  }
}

/** What the account security page shows. */
export async function accountSecurity(db: DbOrTx, actor: Actor) {
  const [totp] = await db
    .select({ confirmedAt: userTotp.confirmedAt })
    .from(userTotp)
    .where(eq(userTotp.userId, actor.userId));
  const user = await userOrThrow(db, actor.userId);
  return {
    hasPassword: user.passwordHash !== null,
    canEnrol: actor.role !== "partner",
    totpEnrolled: !!totp?.confirmedAt,
    sessionHasSecondFactor: actor.secondFactor === true,
    approvalsRequireSecondFactor: await approvalsRequireSecondFactor(db),
  };
}

/** Starts (or restarts) enrolment: a new secret, shown once as a QR code and as text until a code confirms it. */
export async function startTotpEnrolment(db: DbOrTx, actor: Actor) {
  requireStaff(actor);
  const user = await userOrThrow(db, actor.userId);
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(userTotp).where(eq(userTotp.userId, actor.userId)).for("update");
    if (existing?.confirmedAt) {
      throw refusal("CONFLICT", "authenticatorExists");
    }
    await tx
      .insert(userTotp)
      .values({ userId: actor.userId, secret: sealSecret(secret) })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secret: sealSecret(secret), lastStep: null, createdAt: sql`now()` },
      });
    await writeAudit(tx, actor, {
      action: "user.totp_enrolment_started",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before: null,
      after: { pending: true },
    });
  });
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

/** Confirms enrolment with a first code; the current session then counts as having proved the second factor. */
export async function confirmTotpEnrolment(db: DbOrTx, actor: Actor, input: { code: string }) {
  requireStaff(actor);
  return db.transaction(async (tx) => {
    if (!(await consumeTotp(tx, actor.userId, input.code, "pending"))) {
      throw refusal("VALIDATION", "codeNotValid", {}, "code");
    }
    if (actor.sessionId) {
      await tx
        .update(userSessions)
        .set({ secondFactor: true })
        .where(and(eq(userSessions.id, actor.sessionId), eq(userSessions.userId, actor.userId)));
    }
    await writeAudit(tx, actor, {
      action: "user.totp_enrol",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before: { totp: false },
      after: { totp: true },
    });
    return { totpEnrolled: true };
  });
}

/** Removes the authenticator (password required); sessions no longer count as second-factor ones. */
export async function removeTotp(db: DbOrTx, actor: Actor, input: { currentPassword: string }) {
  await requireCurrentPassword(db, actor.userId, input.currentPassword);
  return db.transaction(async (tx) => {
    const removed = await tx.delete(userTotp).where(eq(userTotp.userId, actor.userId)).returning();
    if (removed.length === 0) throw refusal("NOT_FOUND", "noAuthenticator");
    await tx.update(userSessions).set({ secondFactor: false }).where(eq(userSessions.userId, actor.userId));
    await writeAudit(tx, actor, {
      action: "user.totp_remove",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before: { totp: true },
      after: { totp: false },
    });
    return { totpEnrolled: false };
  });
}

/**
 * Changes the password: the current one is required, weak or common ones are refused (zxcvbn, offline, also
 * against the person's name and email), and every other session of the user ends.
 */
export async function changePassword(
  db: DbOrTx,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
) {
  await requireCurrentPassword(db, actor.userId, input.currentPassword);
  const user = await userOrThrow(db, actor.userId);
  if (input.newPassword === input.currentPassword) {
    throw refusal("VALIDATION", "passwordUnchanged", {}, "newPassword");
  }
  if (!passwordIsStrong(input.newPassword, [user.name, user.email, ...user.email.split(/[@.]/)])) {
    throw refusal("WEAK_PASSWORD", "weakPassword", {}, "newPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const others = await tx
      .delete(userSessions)
      .where(
        and(eq(userSessions.userId, actor.userId), actor.sessionId ? ne(userSessions.id, actor.sessionId) : sql`true`),
      )
      .returning({ id: userSessions.id });
    await writeAudit(tx, actor, {
      action: "user.password_change",
      entityType: AUDIT_ENTITY.user,
      entityId: actor.userId,
      before: null,
      after: { otherSessionsEnded: others.length },
    });
    return { otherSessionsEnded: others.length };
  });
}
