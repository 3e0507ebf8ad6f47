import { type DbOrTx, membershipCapability, memberships } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";

export const MEMBERSHIP_CAPABILITIES = membershipCapability.enumValues;
export type MembershipCapability = (typeof MEMBERSHIP_CAPABILITIES)[number];

/** A set of membership capabilities: always includes "view" (the database insists), no duplicates, stable order. */
export const membershipCapabilities = z
  .array(z.enum(MEMBERSHIP_CAPABILITIES, { error: "Not a known capability." }))
  .max(MEMBERSHIP_CAPABILITIES.length)
  .transform((list) => normaliseCapabilities(list));

export function normaliseCapabilities(list: readonly MembershipCapability[]): MembershipCapability[] {
  const wanted = new Set<MembershipCapability>(["view", ...list]);
  return MEMBERSHIP_CAPABILITIES.filter((c) => wanted.has(c));
}

/** The actor's membership capabilities at one organisation, or null when they are not a member there. */
export async function membershipCapabilitiesOf(
  db: DbOrTx,
  userId: string,
  organisationId: string,
): Promise<MembershipCapability[] | null> {
  const [row] = await db
    .select({ capabilities: memberships.capabilities })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  return row ? row.capabilities : null;
}
