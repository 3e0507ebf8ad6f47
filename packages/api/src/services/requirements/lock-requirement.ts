import { type DbOrTx, reportingRequirements } from "@portal/db";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { lockOwningGrantOrThrow } from "../grants/lock-grant";

/** A reporting requirement and its grant, both locked; NOT_FOUND when the actor may not see the grant. */
export async function lockRequirementOrThrow(tx: DbOrTx, actor: Actor, requirementId: string) {
  const [owner] = await tx
    .select({ grantId: reportingRequirements.grantId })
    .from(reportingRequirements)
    .where(eq(reportingRequirements.id, requirementId));
  const grant = await lockOwningGrantOrThrow(tx, actor, owner?.grantId, "noSuchRequirement");
  const [requirement] = await tx
    .select()
    .from(reportingRequirements)
    .where(eq(reportingRequirements.id, requirementId))
    .for("update");
  return { grant, requirement: requirement! };
}
