import { type DbOrTx, memberships, users } from "@portal/db";
import { and, eq, inArray, notInArray } from "drizzle-orm";

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
  const excluded = except.filter((id): id is string => typeof id === "string");
  return db
    .select(recipientColumns)
    .from(users)
    .where(
      and(
        eq(users.role, role),
        eq(users.active, true),
        excluded.length > 0 ? notInArray(users.id, excluded) : undefined,
      ),
    );
}

/** The grant's lead officer when there is an active one, otherwise every active officer. */
export async function officersOfGrant(db: DbOrTx, leadOfficerId: string | null): Promise<Recipient[]> {
  if (leadOfficerId) {
    const lead = await db
      .select(recipientColumns)
      .from(users)
      .where(and(inArray(users.id, [leadOfficerId]), eq(users.active, true), eq(users.role, "officer")));
    if (lead.length > 0) return lead;
  }
  return activeWithRole(db, "officer");
}
