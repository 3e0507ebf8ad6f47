import { type Database, users } from "@portal/db";
import { verifyPassword } from "@portal/domain/password";
import { eq, sql } from "drizzle-orm";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import type { PortalApp } from "./config";

/** Shown to the person as "Email or password is incorrect" — deliberately not saying which. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
/** The admin console admits administrators only. */
export class NotAnAdmin extends CredentialsSignin {
  code = "admins_only";
}

const credentialsInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(1024),
});

// Verifying against a fixed hash when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export async function authorizeCredentials(db: Database, app: PortalApp, raw: unknown) {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) throw new InvalidCredentials();
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email));
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !valid || !user.active) throw new InvalidCredentials();
  if (app === "admin" && user.role !== "admin") throw new NotAnAdmin();
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { id: user.id, name: user.name, email: user.email };
}
