import { type DbOrTx, memberships } from "@portal/db";
import { eq } from "drizzle-orm";
import { updateMemberCapabilitiesInput, type UpdateMemberCapabilitiesInput } from "@portal/domain";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { parseInput } from "../../parse-input";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { membershipCapabilitiesOf } from "../invitations/capabilities";

export { updateMemberCapabilitiesInput, type UpdateMemberCapabilitiesInput } from "@portal/domain";

/**
 * A partner organisation's manager changes what a colleague may do there: never their own rights (so an organisation
 * cannot lose its last manager by a slip), and never beyond the manager's own.
 */
export async function updateMemberCapabilities(db: DbOrTx, actor: Actor, raw: UpdateMemberCapabilitiesInput) {
  const { membershipId, capabilities } = parseInput(updateMemberCapabilitiesInput, raw);
  if (actor.role !== "partner") throw refusal("FORBIDDEN", "noPermission");

  return db.transaction(async (tx) => {
    const [membership] = await tx.select().from(memberships).where(eq(memberships.id, membershipId)).for("update");
    // Someone else's organisation looks exactly like a missing membership.
    if (!membership || !actor.organisationIds.includes(membership.organisationId)) {
      throw refusal("NOT_FOUND", "noSuchColleague");
    }
    const own = await membershipCapabilitiesOf(tx, actor.userId, membership.organisationId);
    if (!own?.includes("manage_members")) {
      throw refusal("FORBIDDEN", "noManageMembersPermission");
    }
    if (membership.userId === actor.userId) {
      throw refusal("FORBIDDEN", "ownRights", {}, "capabilities");
    }
    const wider = capabilities.filter((c) => !own.includes(c));
    if (wider.length > 0) {
      throw refusal("FORBIDDEN", "widerRights", { rights: wider.join(", ") }, "capabilities");
    }
    const [updated] = await tx
      .update(memberships)
      .set({ capabilities })
      .where(eq(memberships.id, membershipId))
      .returning();
    await writeAudit(tx, actor, {
      action: "membership.update",
      entityType: AUDIT_ENTITY.membership,
      entityId: membershipId,
      before: { capabilities: membership.capabilities },
      after: { capabilities: updated!.capabilities },
    });
    return updated!;
  });
}
