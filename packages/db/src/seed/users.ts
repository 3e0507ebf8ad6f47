import { inArray } from "drizzle-orm";
import { hashPassword } from "@portal/domain/password";
import type { Tx } from "../client";
import { memberships, officerProgrammes, users } from "../schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts";
import { seedId } from "./ids";
import { organisationId } from "./organisations";
import { programmeId } from "./programmes";
import { insertNew, type Written } from "./write";

/** Email to user id, for every demo account (seeded now or earlier, possibly under another id). */
export type UserIds = ReadonlyMap<string, string>;

async function existingEmails(tx: Tx): Promise<Set<string>> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const rows = await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  return new Set(rows.map((row) => row.email));
}

function userRow(account: DemoAccount, passwordHash: string): typeof users.$inferInsert {
  return {
    id: seedId(`user:${account.email}`),
    email: account.email,
    name: account.name,
    role: account.role,
    passwordHash,
  };
}

/**
 * scrypt is deliberately slow, so the password is hashed once per run and only when a demo account is missing.
 * The accounts therefore share one salt: acceptable for demo logins that are public anyway.
 */
async function insertMissingUsers(tx: Tx): Promise<DemoAccount[]> {
  const existing = await existingEmails(tx);
  const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
  if (missing.length === 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertNew(
    tx,
    users,
    missing.map((account) => userRow(account, passwordHash)),
  );
  return missing;
}

async function resolveUserIds(tx: Tx): Promise<UserIds> {
  const emails = DEMO_ACCOUNTS.map((account) => account.email);
  const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

function membershipRows(ids: UserIds): (typeof memberships.$inferInsert)[] {
  return DEMO_ACCOUNTS.flatMap((account) => {
    const slug = account.organisationSlug;
    if (slug === null) return [];
    const userId = ids.get(account.email);
    if (!userId) throw new Error(`Demo user ${account.email} is missing`);
    return [
      {
        id: seedId(`membership:${account.email}:${slug}`),
        userId,
        organisationId: organisationId(slug),
        capabilities: [...account.capabilities],
      },
    ];
  });
}

/**
 * Officers' programmes, for accounts created in this run only: an admin who later changes an officer's programmes
 * (removing one included) keeps their change when the seed runs again.
 */
function officerProgrammeRows(
  accounts: readonly DemoAccount[],
  ids: UserIds,
): (typeof officerProgrammes.$inferInsert)[] {
  return accounts.flatMap((account) =>
    account.programmes.map((code) => ({ userId: ids.get(account.email)!, programmeId: programmeId(code) })),
  );
}

export async function seedUsers(tx: Tx): Promise<{ written: Written; userIds: UserIds }> {
  const inserted = await insertMissingUsers(tx);
  const userIds = await resolveUserIds(tx);
  return {
    written: {
      users: inserted.length,
      memberships: await insertNew(tx, memberships, membershipRows(userIds)),
      officer_programmes: await insertNew(tx, officerProgrammes, officerProgrammeRows(inserted, userIds)),
    },
    userIds,
  };
}
