import {
  attachmentContents,
  type DbOrTx,
  reportAttachments,
  reportingRequirements,
  reportSubmissions,
} from "@portal/db";
import { requirementTransitionFor, submitReportInput } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { parseInput } from "../../parse-input";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockRequirementOrThrow } from "../requirements/lock-requirement";
import { maySubmitReports, mightSubmitReports } from "../requirements/report-submitters";
import { checkAttachments, type UploadedFile } from "./attachment-rules";

export interface SubmitReportWithAttachmentsInput {
  requirementId: string;
  body: string;
  files: readonly UploadedFile[];
}

/**
 * Hands in a report with its files, all in one transaction: the submission, each attachment's metadata and bytes,
 * the requirement's new status and one audit event naming the files. The same rules as requirements.submit: a member
 * of the recipient organisation with submit_reports, or an officer on the partner's behalf.
 */
export async function submitReportWithAttachments(db: DbOrTx, actor: Actor, input: SubmitReportWithAttachmentsInput) {
  if (!mightSubmitReports(actor)) throw refusal("FORBIDDEN", "noPermission");
  const { requirementId, body } = parseInput(submitReportInput, {
    requirementId: input.requirementId,
    body: input.body,
  });
  const files = checkAttachments(input.files);

  return db.transaction(async (tx) => {
    const { grant, requirement } = await lockRequirementOrThrow(tx, actor, requirementId);
    if (!(await maySubmitReports(tx, actor, grant.recipientId))) {
      throw refusal("FORBIDDEN", "noReportPermission");
    }
    const to = requirementTransitionFor("submit", requirement.status);
    if (!to) {
      throw refusal("INVALID_TRANSITION", "reportCannotBeSubmitted", { status: requirement.status });
    }
    const [submission] = await tx
      .insert(reportSubmissions)
      .values({ requirementId, submittedById: actor.userId, body })
      .returning();
    const attachments =
      files.length === 0
        ? []
        : await tx
            .insert(reportAttachments)
            .values(
              files.map((file) => ({
                submissionId: submission!.id,
                fileName: file.fileName,
                contentType: file.contentType,
                sizeBytes: file.sizeBytes,
                sha256: file.sha256,
                storageKey: file.storageKey,
              })),
            )
            .returning();
    if (files.length > 0) {
      await tx
        .insert(attachmentContents)
        .values(files.map((file) => ({ storageKey: file.storageKey, content: file.content })));
    }
    await tx.update(reportingRequirements).set({ status: to }).where(eq(reportingRequirements.id, requirementId));
    const described = attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
    }));
    await writeAudit(tx, actor, {
      action: "requirement.submit",
      entityType: AUDIT_ENTITY.requirement,
      entityId: requirementId,
      before: { status: requirement.status },
      after: { status: to, submission, attachments: described },
    });
    return { ...requirement, status: to, submission: submission!, attachments: described };
  });
}
