import { type DbOrTx, reportingRequirements, reportSubmissions } from "@portal/db";
import { requirementTransitionFor, type SubmitReportData } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockRequirementOrThrow } from "./lock-requirement";
import { maySubmitReports, mightSubmitReports } from "./report-submitters";

/** Hands in a report: open becomes submitted, changes requested becomes resubmitted. */
export async function submitReport(db: DbOrTx, actor: Actor, { requirementId, body }: SubmitReportData) {
  if (!mightSubmitReports(actor)) throw refusal("FORBIDDEN", "noPermission");
  return db.transaction(async (tx) => {
    const { grant, requirement } = await lockRequirementOrThrow(tx, actor, requirementId);
    if (!(await maySubmitReports(tx, actor, grant.recipientId))) {
      throw refusal("FORBIDDEN", "noReportPermission");
    }
    const to = requirementTransitionFor("submit", requirement.status);
    if (!to) throw refusal("INVALID_TRANSITION", "reportCannotBeSubmitted", { status: requirement.status });

    const [submission] = await tx
      .insert(reportSubmissions)
      .values({ requirementId, submittedById: actor.userId, body })
      .returning();
    await tx.update(reportingRequirements).set({ status: to }).where(eq(reportingRequirements.id, requirementId));
    await writeAudit(tx, actor, {
      action: "requirement.submit",
      entityType: AUDIT_ENTITY.requirement,
      entityId: requirementId,
      before: { status: requirement.status },
      after: { status: to, submission },
    });
    return { ...requirement, status: to, submission: submission! };
  });
}
