import { type DbOrTx, memberships, users } from "@portal/db";
import { and, eq, notInArray } from "drizzle-orm";
import { officerManages } from "../grants/grant-scope";

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: "en" | "fr";
  role: "admin" | "officer" | "partner";
}

const recipientColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  role: users.role,
};

/** Active people at a partner organisation. Only partners: staff never receive partner messages by membership. */
export function partnersOf(db: DbOrTx, organisationId: string): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(users.active, true), eq(users.role, "partner")));
}

/** Active users of a role, leaving out some (the actor, the creator: four eyes). */
export function activeWithRole(
  db: DbOrTx,
  role: "admin" | "officer",
  except: readonly (string | null | undefined)[] = [],
): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.role, role), eq(users.active, true), notAmong(except)));
}

/**
 * Active officers who manage the grant (its every funding line in their programmes), leaving out some (four eyes).
 * An officer outside the grant's programmes cannot act on it, and one an admin hid it from cannot even read it: neither
 * hears of it.
 */
export function officersManaging(
  db: DbOrTx,
  grantId: string,
  except: readonly (string | null | undefined)[] = [],
): Promise<Recipient[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.role, "officer"), eq(users.active, true), officerManages(users.id, grantId), notAmong(except)));
}

/** The grant's lead officer when they are active and still manage it, otherwise every officer who manages it. */
export async function officersOfGrant(
  db: DbOrTx,
  grant: { id: string; leadOfficerId: string | null },
): Promise<Recipient[]> {
  const managing = await officersManaging(db, grant.id);
  const lead = managing.filter((officer) => officer.id === grant.leadOfficerId);
  return lead.length > 0 ? lead : managing;
}

function notAmong(except: readonly (string | null | undefined)[]) {
  const excluded = except.filter((id): id is string => typeof id === "string");
  return excluded.length > 0 ? notInArray(users.id, excluded) : undefined;
}
