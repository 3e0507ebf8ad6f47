import {
  type DbOrTx,
  disbursements,
  grantComponents,
  grants,
  organisations,
  reportingRequirements,
  reportSubmissions,
  scheduledPayments,
} from "@portal/db";
import { isRequirementOverdue, OUTSTANDING_PAYMENT_STATUSES } from "@portal/domain";
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { cappedCount, countFigure } from "./capped-count";

/** Reports still expected from the partner, or waiting for the ministry's answer. */
const REPORTS_IN_PLAY = ["open", "changes_requested", "submitted", "resubmitted"] as const;
/** Reports the partner still has to hand in. */
const REPORTS_DUE = ["open", "changes_requested"] as const;
const isReportDue = (status: string) => (REPORTS_DUE as readonly string[]).includes(status);
/** Soonest first; the soonest 50 are picked from scheduled_payments_outstanding_idx before anything is joined. */
const UPCOMING_ORDER = [asc(scheduledPayments.dueOn), asc(scheduledPayments.sequence), asc(scheduledPayments.id)];
/** Soonest first, picked from reporting_requirements_in_play_idx likewise. */
const REPORTS_ORDER = [asc(reportingRequirements.dueOn), asc(reportingRequirements.id)];
/** Each list shows at most this many rows (newest payments, soonest instalments and reports); counts say the rest. */
export const WORKSPACE_LIMIT = 50;

/**
 * A partner's workspace: their organisation's grants (not drafts) with the components each funds, the payments they
 * have received and those still to come, and the reports due. Everything is read through visibleGrants, so nothing
 * of another organisation can appear. Lists are read with a LIMIT; their sizes and money totals are aggregated by the
 * database, so the page costs the same for five grants or five hundred (the payments export has every row).
 */
export async function partnerWorkspace(db: DbOrTx, actor: Actor, today: string = todayInOttawa()) {
  if (actor.role !== "partner") throw refusal("FORBIDDEN", "partnerWorkspaceOnly");
  const scope = and(visibleGrants(actor), ne(grants.status, "draft"));

  const outstanding = inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES]);
  // The partner's grants as one array computed first: the child tables are then read through their grant_id
  // indexes (the partner's rows only), where a join let the planner hash every instalment or report in the portfolio.
  const ofPartner = (grantId: AnyPgColumn) =>
    sql`${grantId} = any(array(select ${grants.id} from ${grants} where ${scope}))`;
  const reportsInPlay = and(
    ofPartner(reportingRequirements.grantId),
    inArray(reportingRequirements.status, [...REPORTS_IN_PLAY]),
  );
  /** Rows counted and amounts summed per currency over `from` (a FROM ... WHERE fragment), in one scan. */
  const byCurrency = async (amount: AnyPgColumn, currency: AnyPgColumn, from: SQL) => {
    const rows = await db.execute<{ currency: string; amount: string; n: string }>(
      sql`select ${currency} as currency, sum(${amount}) as amount, count(*) as n from ${from} group by 1 order by 1`,
    );
    return {
      count: rows.reduce((n, row) => n + Number(row.n), 0),
      totals: rows.map((row) => ({ currency: row.currency.trim(), amount: Number(row.amount) })),
    };
  };

  const [orgs, grantRows, received, upcoming, reports, funding, receivedSums, upcomingSums, reportCounts] =
    await Promise.all([
      actor.organisationIds.length === 0
        ? Promise.resolve([])
        : db
            .select({
              id: organisations.id,
              acronym: organisations.acronym,
              nameEn: organisations.legalNameEn,
              nameFr: organisations.legalNameFr,
            })
            .from(organisations)
            .where(inArray(organisations.id, [...actor.organisationIds]))
            .orderBy(asc(organisations.legalNameEn)),
      db
        .select({
          id: grants.id,
          reference: grants.reference,
          titleEn: grants.titleEn,
          titleFr: grants.titleFr,
          purposeEn: grants.purposeEn,
          purposeFr: grants.purposeFr,
          status: grants.status,
          totalAmount: grants.totalAmount,
          disbursed: grants.disbursed,
          currency: grants.currency,
          startsOn: grants.startsOn,
          endsOn: grants.endsOn,
          provenance: grants.provenance,
        })
        .from(grants)
        .where(scope)
        .orderBy(desc(grants.startsOn), asc(grants.reference))
        .limit(WORKSPACE_LIMIT),
      db
        .select({
          id: disbursements.id,
          grantId: grants.id,
          reference: grants.reference,
          titleEn: grants.titleEn,
          titleFr: grants.titleFr,
          paidOn: disbursements.paidOn,
          amount: disbursements.amount,
          currency: disbursements.currency,
          paymentReference: disbursements.reference,
          isReversal: sql<boolean>`${disbursements.reversesId} is not null`,
        })
        .from(disbursements)
        .innerJoin(grants, eq(grants.id, disbursements.grantId))
        .where(scope)
        .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id))
        .limit(WORKSPACE_LIMIT),
      db
        .select({
          id: scheduledPayments.id,
          grantId: grants.id,
          reference: grants.reference,
          titleEn: grants.titleEn,
          titleFr: grants.titleFr,
          sequence: scheduledPayments.sequence,
          descriptionEn: scheduledPayments.descriptionEn,
          descriptionFr: scheduledPayments.descriptionFr,
          dueOn: scheduledPayments.dueOn,
          amount: scheduledPayments.amount,
          currency: grants.currency,
          status: scheduledPayments.status,
        })
        .from(scheduledPayments)
        .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
        .where(
          inArray(
            scheduledPayments.id,
            db
              .select({ id: scheduledPayments.id })
              .from(scheduledPayments)
              .where(and(ofPartner(scheduledPayments.grantId), outstanding))
              .orderBy(...UPCOMING_ORDER)
              .limit(WORKSPACE_LIMIT),
          ),
        )
        .orderBy(...UPCOMING_ORDER),
      db
        .select({
          id: reportingRequirements.id,
          grantId: grants.id,
          reference: grants.reference,
          titleEn: grants.titleEn,
          titleFr: grants.titleFr,
          kind: reportingRequirements.kind,
          stage: reportingRequirements.stage,
          dueOn: reportingRequirements.dueOn,
          status: reportingRequirements.status,
          lastResponse: sql<string | null>`(select ${reportSubmissions.response} from ${reportSubmissions}
          where ${reportSubmissions.requirementId} = ${reportingRequirements.id}
          order by ${reportSubmissions.submittedAt} desc limit 1)`,
        })
        .from(reportingRequirements)
        .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
        .where(
          inArray(
            reportingRequirements.id,
            db
              .select({ id: reportingRequirements.id })
              .from(reportingRequirements)
              .where(reportsInPlay)
              .orderBy(...REPORTS_ORDER)
              .limit(WORKSPACE_LIMIT),
          ),
        )
        .orderBy(...REPORTS_ORDER),
      byCurrency(grants.totalAmount, grants.currency, sql`${grants} where ${scope}`),
      // What was received is each grant's running total (kept with every disbursement, checked against the ledger
      // views by the tests), and how many payments an index-only count that stops at COUNT_CAP: neither reads the
      // disbursements themselves.
      Promise.all([
        byCurrency(grants.disbursed, grants.currency, sql`${grants} where ${scope}`),
        db.execute<{ n: number }>(
          sql`select ${cappedCount(sql`${disbursements} where ${ofPartner(disbursements.grantId)}`)} as n`,
        ),
      ]).then(([sums, [counted]]) => ({
        ...countFigure(Number(counted?.n ?? 0)),
        totals: sums.totals.filter((total) => total.amount !== 0),
      })),
      byCurrency(
        scheduledPayments.amount,
        grants.currency,
        sql`${scheduledPayments} inner join ${grants} on ${grants.id} = ${scheduledPayments.grantId}
          where ${and(ofPartner(scheduledPayments.grantId), outstanding)}`,
      ),
      db
        .select({
          inPlay: sql<number>`count(*)::int`,
          due: sql<number>`(count(*) filter (where ${inArray(reportingRequirements.status, [...REPORTS_DUE])}))::int`,
        })
        .from(reportingRequirements)
        .where(reportsInPlay),
    ]);

  const components =
    grantRows.length === 0
      ? []
      : await db
          .select({
            id: grantComponents.id,
            grantId: grantComponents.grantId,
            titleEn: grantComponents.titleEn,
            titleFr: grantComponents.titleFr,
            descriptionEn: grantComponents.descriptionEn,
            descriptionFr: grantComponents.descriptionFr,
            amount: grantComponents.amount,
            provenance: grantComponents.provenance,
          })
          .from(grantComponents)
          .where(
            inArray(
              grantComponents.grantId,
              grantRows.map((g) => g.id),
            ),
          )
          .orderBy(asc(grantComponents.grantId), asc(grantComponents.position));

  return {
    today,
    limit: WORKSPACE_LIMIT,
    organisations: orgs,
    grants: grantRows.map((grant) => ({
      ...grant,
      /** What is still to come to the partner on this grant. */
      remaining: grant.totalAmount - grant.disbursed,
      components: components.filter((c) => c.grantId === grant.id),
    })),
    /** All the partner's grants (not drafts): how many, and their total funding per currency. */
    grantCount: funding.count,
    funding: funding.totals,
    received: { rows: received, totals: receivedSums.totals, total: receivedSums.total, atLeast: receivedSums.atLeast },
    upcoming: { rows: upcoming, totals: upcomingSums.totals, total: upcomingSums.count },
    /** The payments export has rows to give (received or to come). */
    canExportPayments: received.length + upcoming.length > 0,
    reports: reports.map((r) => ({
      ...r,
      overdue: isRequirementOverdue(r.status, r.dueOn, today),
      /** A report to hand in is submitted from its page; one with the ministry is only opened. */
      action: isReportDue(r.status) ? ("submit" as const) : ("open" as const),
      /** The ministry's last answer, shown while the report is sent back for changes. */
      lastResponse: r.status === "changes_requested" ? r.lastResponse : null,
    })),
    reportCount: reportCounts[0]?.inPlay ?? 0,
    /** Reports still to hand in (open or sent back), over all the partner's grants. */
    reportsDue: reportCounts[0]?.due ?? 0,
  };
}

export type PartnerWorkspace = Awaited<ReturnType<typeof partnerWorkspace>>;
