import { type Database, users } from "@portal/db";
import { hashPassword, needsRehash, verifyPassword } from "@portal/domain/password";
import { eq, sql } from "drizzle-orm";
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { auditSignIn } from "./audit";
import { clientAddress } from "./client-address";
import type { PortalApp } from "./config";
import { clearFailures, recordFailure, throttleKey, throttleWait } from "./throttle";
import { consumeTotp, hasConfirmedTotp } from "./totp";

/**
 * Shown as "Email or password is incorrect": deliberately not saying which, nor (in the admin console) that the
 * password was right for a non-admin.
 */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
/** Too many failures for this account or address; the code carries the wait in seconds (`too_many_attempts:90`). */
export class TooManyAttempts extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `too_many_attempts:${seconds}`;
  }
}
/** The password was right and the account has an authenticator: the form asks for its code. */
export class SecondFactorRequired extends CredentialsSignin {
  code = "totp_required";
}
export class InvalidSecondFactor extends CredentialsSignin {
  code = "totp_invalid";
}

const credentialsInput = z.object({
  email: z
    .string()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  password: z.string().max(1024),
  code: z.string().max(16).optional(),
});

// Verifying against a fixed hash when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export interface AuthorizedUser {
  id: string;
  name: string;
  email: string;
  secondFactor: boolean;
}

/**
 * Checks a password sign-in: throttled per account and per client address (in the database, so across instances),
 * every outcome in the audit log, legacy hashes upgraded to argon2id on success, and the TOTP code asked for when
 * the account has an authenticator.
 */
export async function authorizeCredentials(
  db: Database,
  app: PortalApp,
  raw: unknown,
  request?: Request,
): Promise<AuthorizedUser> {
  const parsed = credentialsInput.safeParse(raw);
  const email = parsed.success ? parsed.data.email : "";
  const address = clientAddress(request);
  const accountKey = throttleKey("account", email);
  const addressKey = throttleKey("address", address);
  const detail = { app, address };

  const wait = await throttleWait(db, [accountKey, addressKey]);
  const [user] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  const who = user ? { id: user.id, role: user.role } : null;
  if (wait > 0) {
    await auditSignIn(db, { action: "session.sign_in_throttled", user: who, entityId: user?.id ?? email, detail });
    throw new TooManyAttempts(wait);
  }

  const valid = await verifyPassword(parsed.success ? parsed.data.password : "", user?.passwordHash ?? DUMMY_HASH);
  // The admin console answers a non-admin exactly as it answers a wrong password.
  if (
    !parsed.success ||
    !user ||
    !user.passwordHash ||
    !valid ||
    !user.active ||
    (app === "admin" && user.role !== "admin")
  ) {
    await recordFailure(db, "account", accountKey);
    await recordFailure(db, "address", addressKey);
    await auditSignIn(db, {
      action: "session.sign_in_failed",
      user: who,
      entityId: user?.id ?? email,
      detail: { ...detail, reason: "invalid_credentials" },
    });
    throw new InvalidCredentials();
  }

  let secondFactor = false;
  if (await hasConfirmedTotp(db, user.id)) {
    const code = parsed.data.code?.trim();
    if (!code) throw new SecondFactorRequired();
    if (!(await consumeTotp(db, user.id, code, "confirmed"))) {
      await recordFailure(db, "account", accountKey);
      await recordFailure(db, "address", addressKey);
      await auditSignIn(db, {
        action: "session.sign_in_failed",
        user: who,
        entityId: user.id,
        detail: { ...detail, reason: "totp_invalid" },
      });
      throw new InvalidSecondFactor();
    }
    secondFactor = true;
  }

  await clearFailures(db, accountKey);
  const upgrade = needsRehash(user.passwordHash) ? await hashPassword(parsed.data.password) : null;
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()`, ...(upgrade ? { passwordHash: upgrade } : {}) })
    .where(eq(users.id, user.id));
  if (upgrade) {
    await auditSignIn(db, {
      action: "session.password_upgraded",
      user: who,
      entityId: user.id,
      detail: { scheme: "argon2id" },
    });
  }
  return { id: user.id, name: user.name, email: user.email, secondFactor };
}
