import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { type DbOrTx, userTotp } from "@portal/db";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { authEnv } from "./env";

const ISSUER = "Mine Action Grants Portal";

// Secrets are stored encrypted (AES-256-GCM, key derived from AUTH_SECRET), so a database dump alone yields none.
function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authEnv().secret, "portal-totp", "totp-secret-encryption", 32));
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(
    ".",
  );
}

export function openSecret(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) throw new Error("Unreadable TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: ISSUER, label: accountEmail, secret });
}

const CODE = /^\d{6}$/;

/** The time step a code belongs to (±1 step of clock drift), or null when it is not a current code. */
export async function matchTotp(secret: string, code: string): Promise<number | null> {
  const trimmed = code.replace(/\s/g, "");
  if (!CODE.test(trimmed)) return null;
  const result = await verify({ secret, token: trimmed, epochTolerance: 30 });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Accepts a code once: the step is recorded in the same statement that checks it is newer than the last accepted
 * one, so a code seen over a shoulder (or replayed by two concurrent requests) works at most once.
 */
export async function consumeTotp(
  db: DbOrTx,
  userId: string,
  code: string,
  which: "confirmed" | "pending",
): Promise<boolean> {
  const [row] = await db
    .select({ secret: userTotp.secret })
    .from(userTotp)
    .where(
      and(
        eq(userTotp.userId, userId),
        which === "confirmed" ? isNotNull(userTotp.confirmedAt) : isNull(userTotp.confirmedAt),
      ),
    );
  if (!row) return false;
  const step = await matchTotp(openSecret(row.secret), code);
  if (step === null) return false;
  const claimed = await db
    .update(userTotp)
    .set({ lastStep: step, ...(which === "pending" ? { confirmedAt: sql`now()` } : {}) })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return claimed.length === 1;
}

export async function hasConfirmedTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
  return !!row;
}
