import {
  type DbOrTx,
  disbursements,
  grantComponents,
  grants,
  organisations,
  recipientTotals,
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
import { countFigure } from "./capped-count";

/** Reports still expected from the partner, or waiting for the ministry's answer (recipient_totals counts the same). */
const REPORTS_IN_PLAY = ["open", "changes_requested", "submitted", "resubmitted"] as const;
/** Reports the partner still has to hand in. */
const REPORTS_DUE = ["open", "changes_requested"] as const;
const isReportDue = (status: string) => (REPORTS_DUE as readonly string[]).includes(status);
/** Soonest first; the soonest 50 are the first entries of scheduled_payments_recipient_outstanding_idx. */
const UPCOMING_ORDER = [asc(scheduledPayments.dueOn), asc(scheduledPayments.sequence), asc(scheduledPayments.id)];
/** Soonest first, from reporting_requirements_recipient_in_play_idx likewise. */
const REPORTS_ORDER = [asc(reportingRequirements.dueOn), asc(reportingRequirements.id)];
/** Newest first, from disbursements_recipient_paid_idx walked backwards. */
const RECEIVED_ORDER = [desc(disbursements.paidOn), desc(disbursements.createdAt), desc(disbursements.id)];
/** Each list shows at most this many rows (newest payments, soonest instalments and reports); counts say the rest. */
export const WORKSPACE_LIMIT = 50;

/**
 * A partner's workspace: their organisation's grants (not drafts) with the components each funds, the payments they
 * have received and those still to come, and the reports due. Everything is read through visibleGrants, so nothing
 * of another organisation can appear. Each list is the first entries of an index led by the recipient (the child
 * rows carry their grant's, kept by triggers of migration 0024) and every count and money total is the recipient's
 * running total (recipient_totals, same migration), so the page costs the same for five grants or five hundred (the
 * payments export has every row).
 */
export async function partnerWorkspace(db: DbOrTx, actor: Actor, today: string = todayInOttawa()) {
  if (actor.role !== "partner") throw refusal("FORBIDDEN", "partnerWorkspaceOnly");
  const scope = and(visibleGrants(actor), ne(grants.status, "draft"));
  /** Rows of the partner's organisations by the recipient they carry (the grant's, joined and checked by scope). */
  const ofPartner = (recipientId: AnyPgColumn): SQL =>
    actor.organisationIds.length === 0 ? sql`false` : inArray(recipientId, [...actor.organisationIds]);
  /**
   * The soonest (or newest) WORKSPACE_LIMIT ids of a child table, picked from its index led by the recipient before
   * any grant is joined: joined first, the planner counted the recipient twice (the row's and its grant's), took the
   * partner's rows for a handful and hashed and sorted all of them (1,056 instalments at 1M disbursements). Each row
   * walked is only checked for a grant that is not a draft; the caller joins the grants of the rows picked through
   * scope, which is the authorization.
   */
  const firstOf = (
    table: typeof scheduledPayments | typeof reportingRequirements | typeof disbursements,
    where: SQL | undefined,
    order: SQL[],
  ) =>
    db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          ofPartner(table.recipientId),
          where,
          sql`exists (select 1 from ${grants} g where g.id = ${table.grantId} and g.status <> 'draft')`,
        ),
      )
      .orderBy(...order)
      .limit(WORKSPACE_LIMIT);
  const outstanding = inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES]);
  const inPlay = inArray(reportingRequirements.status, [...REPORTS_IN_PLAY]);
  const summed = (column: AnyPgColumn) => sql<string>`sum(${column})`;

  const [orgs, grantRows, received, upcoming, reports, totals] = await Promise.all([
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
      .where(and(inArray(disbursements.id, firstOf(disbursements, undefined, RECEIVED_ORDER)), scope))
      .orderBy(...RECEIVED_ORDER)
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
      .where(and(inArray(scheduledPayments.id, firstOf(scheduledPayments, outstanding, UPCOMING_ORDER)), scope))
      .orderBy(...UPCOMING_ORDER)
      .limit(WORKSPACE_LIMIT),
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
      .where(and(inArray(reportingRequirements.id, firstOf(reportingRequirements, inPlay, REPORTS_ORDER)), scope))
      .orderBy(...REPORTS_ORDER)
      .limit(WORKSPACE_LIMIT),
    // The recipient's running totals per currency (one row each; a partner of several organisations sums theirs).
    db
      .select({
        currency: recipientTotals.currency,
        grants: summed(recipientTotals.grants),
        funded: summed(recipientTotals.funded),
        received: summed(recipientTotals.received),
        payments: summed(recipientTotals.payments),
        upcoming: summed(recipientTotals.upcoming),
        upcomingAmount: summed(recipientTotals.upcomingAmount),
        reportsInPlay: summed(recipientTotals.reportsInPlay),
        reportsDue: summed(recipientTotals.reportsDue),
      })
      .from(recipientTotals)
      .where(ofPartner(recipientTotals.recipientId))
      .groupBy(recipientTotals.currency)
      .orderBy(asc(recipientTotals.currency)),
  ]);

  const perCurrency = totals.map((row) => ({
    currency: row.currency.trim(),
    grants: Number(row.grants),
    funded: Number(row.funded),
    received: Number(row.received),
    payments: Number(row.payments),
    upcoming: Number(row.upcoming),
    upcomingAmount: Number(row.upcomingAmount),
    reportsInPlay: Number(row.reportsInPlay),
    reportsDue: Number(row.reportsDue),
  }));
  const overall = (figure: (row: (typeof perCurrency)[number]) => number) =>
    perCurrency.reduce((n, row) => n + figure(row), 0);

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
    grantCount: overall((row) => row.grants),
    funding: perCurrency.filter((row) => row.grants > 0).map((row) => ({ currency: row.currency, amount: row.funded })),
    received: {
      rows: received,
      totals: perCurrency
        .filter((row) => row.received !== 0)
        .map((row) => ({ currency: row.currency, amount: row.received })),
      // Exact, shown as the lists' other counts are: "1000+" past COUNT_CAP.
      ...countFigure(overall((row) => row.payments)),
    },
    upcoming: {
      rows: upcoming,
      totals: perCurrency
        .filter((row) => row.upcoming > 0)
        .map((row) => ({ currency: row.currency, amount: row.upcomingAmount })),
      total: overall((row) => row.upcoming),
    },
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
    reportCount: overall((row) => row.reportsInPlay),
    /** Reports still to hand in (open or sent back), over all the partner's grants. */
    reportsDue: overall((row) => row.reportsDue),
  };
}

export type PartnerWorkspace = Awaited<ReturnType<typeof partnerWorkspace>>;
