import { type DbOrTx, portalSettings } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";

const APPROVALS_REQUIRE_SECOND_FACTOR = "approvals_require_second_factor";

export async function approvalsRequireSecondFactor(db: DbOrTx): Promise<boolean> {
  const [row] = await db
    .select({ value: portalSettings.value })
    .from(portalSettings)
    .where(eq(portalSettings.key, APPROVALS_REQUIRE_SECOND_FACTOR));
  return row?.value === true;
}

export async function getSecuritySettings(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "users.manage");
  return { approvalsRequireSecondFactor: await approvalsRequireSecondFactor(db) };
}

export async function updateSecuritySettings(
  db: DbOrTx,
  actor: Actor,
  input: { approvalsRequireSecondFactor: boolean },
) {
  requireCapability(actor, "users.manage");
  return db.transaction(async (tx) => {
    const before = await approvalsRequireSecondFactor(tx);
    await tx
      .insert(portalSettings)
      .values({
        key: APPROVALS_REQUIRE_SECOND_FACTOR,
        value: input.approvalsRequireSecondFactor,
        updatedById: actor.userId,
      })
      .onConflictDoUpdate({
        target: portalSettings.key,
        set: { value: input.approvalsRequireSecondFactor, updatedById: actor.userId, updatedAt: sql`now()` },
      });
    await writeAudit(tx, actor, {
      action: "setting.update",
      entityType: AUDIT_ENTITY.setting,
      entityId: APPROVALS_REQUIRE_SECOND_FACTOR,
      before: { value: before },
      after: { value: input.approvalsRequireSecondFactor },
    });
    return { approvalsRequireSecondFactor: input.approvalsRequireSecondFactor };
  });
}

/**
 * The policy check behind approving grants and payments (called by the API's procedures, before any service runs):
 * when the setting is on, only a session that proved a TOTP code at sign-in may approve.
 */
export async function requireSecondFactorForApproval(db: DbOrTx, actor: Actor): Promise<void> {
  if (actor.secondFactor === true) return;
  if (!(await approvalsRequireSecondFactor(db))) return;
  throw refusal("SECOND_FACTOR_REQUIRED", "secondFactorRequired");
}
