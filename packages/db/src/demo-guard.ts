import { inArray } from "drizzle-orm";
import { verifyPassword } from "@portal/domain/password";
import type { Database } from "./client";
import { users } from "./schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo-accounts";

/**
 * Demo accounts that still sign in with the password the README publishes. A deployment must have none: production
 * mode refuses to start while this list is not empty (change the password, or deactivate or delete the account).
 */
export async function demoAccountsWithPublishedPassword(db: Database): Promise<string[]> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const rows = await db
    .select({ email: users.email, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(inArray(users.email, emails));
  const exposed: string[] = [];
  for (const row of rows) {
    if (!row.active || !row.passwordHash) continue;
    if (await verifyPassword(DEMO_PASSWORD, row.passwordHash)) exposed.push(row.email);
  }
  return exposed.sort();
}
