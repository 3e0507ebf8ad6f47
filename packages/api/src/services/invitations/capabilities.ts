import { type DbOrTx, memberships } from "@portal/db";
import type { MembershipCapability } from "@portal/domain";
import { and, eq } from "drizzle-orm";

// The capabilities themselves, their normal form and their schema live in @portal/domain (roles, validators).
export {
  MEMBERSHIP_CAPABILITIES,
  type MembershipCapability,
  membershipCapabilities,
  normaliseCapabilities,
} from "@portal/domain";

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
