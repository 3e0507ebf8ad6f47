import { type DbOrTx, reportingRequirements } from "@portal/db";
import { type AddRequirementData, FINISHED_STATUSES } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";

/** A report the partner owes on a grant (narrative or financial, interim or final) with its due date. */
export async function addRequirement(db: DbOrTx, actor: Actor, data: AddRequirementData) {
  requireCapability(actor, "grants.manage");
  return db.transaction(async (tx) => {
    const grant = await lockGrantOrThrow(tx, actor, data.grantId);
    if (FINISHED_STATUSES.includes(grant.status)) {
      throw refusal("GRANT_NOT_OPEN", "grantClosedToReports", { status: grant.status });
    }
    const [requirement] = await tx
      .insert(reportingRequirements)
      .values({ grantId: grant.id, kind: data.kind, stage: data.stage, dueOn: data.dueOn, status: "open" })
      .returning();
    await writeAudit(tx, actor, {
      action: "requirement.add",
      entityType: AUDIT_ENTITY.requirement,
      entityId: requirement!.id,
      before: null,
      after: requirement,
    });
    return requirement!;
  });
}
