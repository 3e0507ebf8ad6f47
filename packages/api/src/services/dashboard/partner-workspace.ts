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
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";

/** Reports still expected from the partner, or waiting for the ministry's answer. */
const REPORTS_IN_PLAY = ["open", "changes_requested", "submitted", "resubmitted"] as const;

/**
 * A partner's workspace: their organisation's grants (not drafts) with the components each funds, the payments they
 * have received and those still to come, and the reports due. Everything is read through visibleGrants, so nothing
 * of another organisation can appear.
 */
export async function partnerWorkspace(db: DbOrTx, actor: Actor, today: string = todayInOttawa()) {
  if (actor.role !== "partner") throw new DomainError("FORBIDDEN", "The partner workspace is for partners.");
  const scope = and(visibleGrants(actor), ne(grants.status, "draft"));

  const [orgs, grantRows, received, upcoming, reports] = await Promise.all([
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
      .orderBy(desc(grants.startsOn), asc(grants.reference)),
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
      .orderBy(desc(disbursements.paidOn), desc(disbursements.createdAt)),
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
      .where(and(scope, inArray(scheduledPayments.status, [...OUTSTANDING_PAYMENT_STATUSES])))
      .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.sequence)),
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
      .where(and(scope, inArray(reportingRequirements.status, [...REPORTS_IN_PLAY])))
      .orderBy(asc(reportingRequirements.dueOn), asc(reportingRequirements.id)),
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

  const totalsByCurrency = (rows: { amount: number; currency: string }[]) => {
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.amount);
    return [...totals].map(([currency, amount]) => ({ currency, amount }));
  };

  return {
    today,
    organisations: orgs,
    grants: grantRows.map((grant) => ({
      ...grant,
      components: components.filter((c) => c.grantId === grant.id),
    })),
    received: { rows: received, totals: totalsByCurrency(received) },
    upcoming: { rows: upcoming, totals: totalsByCurrency(upcoming) },
    reports: reports.map((r) => ({ ...r, overdue: isRequirementOverdue(r.status, r.dueOn, today) })),
  };
}

export type PartnerWorkspace = Awaited<ReturnType<typeof partnerWorkspace>>;
