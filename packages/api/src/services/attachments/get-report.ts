import {
  type DbOrTx,
  grants,
  organisations,
  reportAttachments,
  reportingRequirements,
  reportSubmissions,
  users,
} from "@portal/db";
import { can, isRequirementOverdue, readOnlyReason, requirementActionsFor } from "@portal/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { assignedProgrammeCount, manageableGrants, visibleGrants } from "../grants/grant-scope";
import { maySubmitReports } from "../requirements/report-submitters";
import { todayInOttawa } from "../today";

export { reportByIdInput } from "@portal/domain";

export interface AttachmentSummary {
  id: string;
  submissionId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** Attachment metadata of some submissions (never the bytes): by submission time, then file name. */
export async function attachmentsOfSubmissions(db: DbOrTx, submissionIds: string[]): Promise<AttachmentSummary[]> {
  if (submissionIds.length === 0) return [];
  return db
    .select({
      id: reportAttachments.id,
      submissionId: reportAttachments.submissionId,
      fileName: reportAttachments.fileName,
      contentType: reportAttachments.contentType,
      sizeBytes: reportAttachments.sizeBytes,
      createdAt: reportAttachments.createdAt,
    })
    .from(reportAttachments)
    .where(inArray(reportAttachments.submissionId, submissionIds))
    .orderBy(asc(reportAttachments.createdAt), asc(reportAttachments.fileName), asc(reportAttachments.id));
}

/**
 * One reporting requirement as its page shows it: the grant it belongs to, every submission with its files and the
 * officer's response, and what the actor may do now. NOT_FOUND when the actor may not see the grant.
 */
export async function getReport(db: DbOrTx, actor: Actor, requirementId: string) {
  const [row] = await db
    .select({
      requirement: reportingRequirements,
      grant: {
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        status: grants.status,
        recipientId: grants.recipientId,
      },
      recipient: {
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      },
      // What reviewReport's lock will ask (lock-grant.ts): a read-only officer is offered no decision.
      manageable: sql<boolean>`${manageableGrants(actor)}`,
    })
    .from(reportingRequirements)
    .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(and(eq(reportingRequirements.id, requirementId), visibleGrants(actor)));
  if (!row) throw refusal("NOT_FOUND", "noSuchRequirement");

  const submitter = alias(users, "submitter");
  const responder = alias(users, "responder");
  const [submissions, maySubmit, assigned] = await Promise.all([
    db
      .select({
        id: reportSubmissions.id,
        body: reportSubmissions.body,
        submittedAt: reportSubmissions.submittedAt,
        submittedBy: submitter.name,
        decision: reportSubmissions.decision,
        response: reportSubmissions.response,
        respondedAt: reportSubmissions.respondedAt,
        respondedBy: responder.name,
        provenance: reportSubmissions.provenance,
      })
      .from(reportSubmissions)
      .innerJoin(submitter, eq(submitter.id, reportSubmissions.submittedById))
      .leftJoin(responder, eq(responder.id, reportSubmissions.respondedById))
      .where(eq(reportSubmissions.requirementId, requirementId))
      .orderBy(asc(reportSubmissions.submittedAt), asc(reportSubmissions.id)),
    maySubmitReports(db, actor, row.grant.recipientId),
    row.manageable ? Promise.resolve(0) : assignedProgrammeCount(db, actor),
  ]);
  const attachments = await attachmentsOfSubmissions(
    db,
    submissions.map((s) => s.id),
  );
  const staff = can(actor.role, "grants.view.all");
  const { recipientId: _recipient, ...grant } = row.grant;
  return {
    ...row.requirement,
    overdue: isRequirementOverdue(row.requirement.status, row.requirement.dueOn, todayInOttawa()),
    grant,
    recipient: row.recipient,
    submissions: submissions.map((s) => ({
      ...s,
      // Partners read "the ministry"; officers' names stay with staff.
      respondedBy: staff ? s.respondedBy : null,
      attachments: attachments.filter((a) => a.submissionId === s.id),
    })),
    availableActions: row.manageable ? requirementActionsFor(actor, row.requirement, maySubmit) : [],
    readOnlyReason: readOnlyReason({
      isOfficer: can(actor.role, "grants.manage"),
      manageable: row.manageable,
      assignedProgrammes: assigned,
    }),
  };
}

/** Attachments of every submission on a grant, for its detail page; NOT_FOUND when the grant is hidden. */
export async function grantAttachments(db: DbOrTx, actor: Actor, grantId: string) {
  const rows = await db
    .select({
      requirementId: reportingRequirements.id,
      submissionId: reportSubmissions.id,
    })
    .from(reportSubmissions)
    .innerJoin(reportingRequirements, eq(reportingRequirements.id, reportSubmissions.requirementId))
    .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
    .where(and(eq(grants.id, grantId), visibleGrants(actor)));
  const attachments = await attachmentsOfSubmissions(
    db,
    rows.map((r) => r.submissionId),
  );
  const requirementOf = new Map(rows.map((r) => [r.submissionId, r.requirementId]));
  return attachments.map((a) => ({ ...a, requirementId: requirementOf.get(a.submissionId)! }));
}
