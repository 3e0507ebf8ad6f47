import { type DbOrTx, memberships, organisations } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { type MembershipCapability, normaliseCapabilities } from "../invitations/capabilities";
import { AUDIT_ENTITY } from "../audit/write-audit";
import { lockUserOrThrow } from "./user-snapshot";

/** Adds a partner to an organisation, or changes what they may do there ("view" is always kept). */
export async function saveMembership(
  db: DbOrTx,
  actor: Actor,
  input: { userId: string; organisationId: string; capabilities: readonly MembershipCapability[] },
) {
  requireCapability(actor, "users.manage");
  const capabilities = normaliseCapabilities(input.capabilities);
  return db.transaction(async (tx) => {
    const user = await lockUserOrThrow(tx, input.userId);
    if (user.role !== "partner") {
      throw refusal("VALIDATION", "onlyPartnersBelong", {}, "role");
    }
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation) throw refusal("NOT_FOUND", "noSuchOrganisation", {}, "organisationId");
    const where = and(eq(memberships.userId, user.id), eq(memberships.organisationId, organisation.id));
    const [existing] = await tx.select().from(memberships).where(where);
    const [saved] = existing
      ? await tx.update(memberships).set({ capabilities }).where(where).returning()
      : await tx
          .insert(memberships)
          .values({ userId: user.id, organisationId: organisation.id, capabilities })
          .returning();
    const snapshot = (row: typeof saved) =>
      row ? { userId: row.userId, organisationId: row.organisationId, capabilities: row.capabilities } : null;
    await writeAudit(tx, actor, {
      action: existing ? "membership.update" : "membership.create",
      entityType: AUDIT_ENTITY.membership,
      entityId: saved!.id,
      before: snapshot(existing),
      after: snapshot(saved),
    });
    return saved!;
  });
}
