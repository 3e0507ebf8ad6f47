import { type DbOrTx, grants, organisations, reportingRequirements, reportSubmissions } from "@portal/db";
import { isRequirementOverdue, listReportsInput, type ListReportsInput } from "@portal/domain";
import { and, asc, eq, inArray, lt, ne, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { parseInput } from "../../parse-input";

export { REPORT_VIEWS, type ReportView, listReportsInput, type ListReportsInput } from "@portal/domain";

/**
 * Reporting requirements across the grants the actor may see: due (expected from the partner), overdue, handed in and
 * waiting for review, done (accepted or waived), or all.
 */
export async function listReports(db: DbOrTx, actor: Actor, raw: ListReportsInput, today: string = todayInOttawa()) {
  const input = parseInput(listReportsInput, raw);
  const conditions: SQL[] = [visibleGrants(actor), ne(grants.status, "draft")];
  const status = reportingRequirements.status;
  if (input.view === "due") conditions.push(inArray(status, ["open", "changes_requested"]));
  if (input.view === "overdue")
    conditions.push(inArray(status, ["open", "changes_requested"]), lt(reportingRequirements.dueOn, today));
  if (input.view === "review") conditions.push(inArray(status, ["submitted", "resubmitted"]));
  if (input.view === "done") conditions.push(inArray(status, ["accepted", "waived"]));
  const where = and(...conditions);

  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: reportingRequirements.id,
        kind: reportingRequirements.kind,
        stage: reportingRequirements.stage,
        dueOn: reportingRequirements.dueOn,
        status: reportingRequirements.status,
        grantId: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        recipientAcronym: organisations.acronym,
        recipientNameEn: organisations.legalNameEn,
        recipientNameFr: organisations.legalNameFr,
        lastSubmittedAt: sql<Date | null>`(select max(${reportSubmissions.submittedAt}) from ${reportSubmissions}
          where ${reportSubmissions.requirementId} = ${reportingRequirements.id})`.mapWith((v) =>
          v === null ? null : new Date(v as string),
        ),
      })
      .from(reportingRequirements)
      .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(where)
      .orderBy(
        input.view === "done" || input.view === "all"
          ? sql`${reportingRequirements.dueOn} desc`
          : asc(reportingRequirements.dueOn),
        asc(reportingRequirements.id),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(reportingRequirements)
      .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, overdue: isRequirementOverdue(r.status, r.dueOn, today) })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
