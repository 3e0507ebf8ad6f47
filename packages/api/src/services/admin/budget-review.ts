import {
  allocationPartnerTotals,
  allocationQuarterTotals,
  allocations,
  conferences,
  type DbOrTx,
  preparedRead,
  organisations,
} from "@portal/db";
import { fiscalQuarterOf, fiscalYearOf, sumMinor } from "@portal/domain";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { budgetOverview } from "../budgets/budget-overview";

export interface QuarterFigure {
  /** "2001-Q1": the fiscal year the money was paid in, and its quarter. */
  period: string;
  fiscalYear: number;
  quarter: number;
  /** CAD paid to grants from this fiscal year's allocations in the quarter (reversals included). */
  grants: number;
  /** Conference direct costs charged to this fiscal year's allocations, in the quarter the conference began. */
  directCosts: number;
  total: number;
}

export interface PartnerFigure {
  organisation: { id: string; acronym: string | null; nameEn: string; nameFr: string };
  /** Sum of the partner's funding lines on this fiscal year's allocations. */
  funded: number;
  committed: number;
  disbursed: number;
}

export const periodKey = (fiscalYear: number, quarter: number) => `${fiscalYear}-Q${quarter}`;

const inYear = eq(allocations.fiscalYear, sql.placeholder("fiscalYear"));

// The running totals per allocation and quarter (migration 0017), not the disbursements themselves: a few rows per
// programme whatever the number of payments.
const paidByQuarter = preparedRead((db) =>
  db
    .select({
      fiscalYear: allocationQuarterTotals.fiscalYear,
      quarter: allocationQuarterTotals.fiscalQuarter,
      total: sql<string>`sum(${allocationQuarterTotals.amountCad})`,
    })
    .from(allocationQuarterTotals)
    .innerJoin(allocations, eq(allocations.id, allocationQuarterTotals.allocationId))
    .where(inYear)
    .groupBy(allocationQuarterTotals.fiscalYear, allocationQuarterTotals.fiscalQuarter)
    .prepare("budget_review_paid_by_quarter"),
);

const directCostsInYear = preparedRead((db) =>
  db
    .select({ startsOn: conferences.startsOn, directCost: conferences.directCost })
    .from(conferences)
    .innerJoin(allocations, eq(allocations.id, conferences.allocationId))
    .where(and(inYear, isNotNull(conferences.directCost)))
    .prepare("budget_review_direct_costs"),
);

// The running totals per allocation and recipient (migration 0022), not the funding lines and their grants: one row
// per partner and programme of the year, with the same figures as funding_line_ledger (the tests compare them).
const byPartnerInYear = preparedRead((db) =>
  db
    .select({
      organisation: {
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      },
      funded: sql<string>`sum(${allocationPartnerTotals.funded})`,
      committed: sql<string>`sum(${allocationPartnerTotals.committed})`,
      disbursed: sql<string>`sum(${allocationPartnerTotals.disbursed})`,
    })
    .from(allocationPartnerTotals)
    .innerJoin(allocations, eq(allocations.id, allocationPartnerTotals.allocationId))
    .innerJoin(organisations, eq(organisations.id, allocationPartnerTotals.recipientId))
    .where(inYear)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.legalNameEn))
    .prepare("budget_review_by_partner"),
);

/**
 * Budget review of one fiscal year: per programme (allocated, committed, disbursed, available), disbursed by fiscal
 * quarter and committed/disbursed by partner. Every figure is drawn from the allocations of that fiscal year, so
 * the quarters add up to the year's disbursed total and the partners plus direct costs to its committed total.
 */
export async function budgetReview(db: DbOrTx, actor: Actor, fiscalYear: number) {
  requireCapability(actor, "budgets.review");
  const [overview, paid, costs, partners] = await Promise.all([
    budgetOverview(db, fiscalYear),
    paidByQuarter(db).execute({ fiscalYear }),
    directCostsInYear(db).execute({ fiscalYear }),
    byPartnerInYear(db).execute({ fiscalYear }),
  ]);

  const quarters = new Map<string, QuarterFigure>();
  const quarterOf = (year: number, quarter: number) => {
    const key = periodKey(year, quarter);
    let figure = quarters.get(key);
    if (!figure) {
      figure = { period: key, fiscalYear: year, quarter, grants: 0, directCosts: 0, total: 0 };
      quarters.set(key, figure);
    }
    return figure;
  };
  for (let quarter = 1; quarter <= 4; quarter++) quarterOf(fiscalYear, quarter);
  for (const row of paid) {
    const figure = quarterOf(row.fiscalYear, row.quarter);
    figure.grants += Number(row.total);
    figure.total += Number(row.total);
  }
  for (const cost of costs) {
    const figure = quarterOf(fiscalYearOf(cost.startsOn), fiscalQuarterOf(cost.startsOn));
    figure.directCosts += cost.directCost ?? 0;
    figure.total += cost.directCost ?? 0;
  }
  const byQuarter = [...quarters.values()].sort((a, b) => a.fiscalYear - b.fiscalYear || a.quarter - b.quarter);

  const byPartner: PartnerFigure[] = partners
    .map((row) => ({
      organisation: row.organisation,
      funded: Number(row.funded),
      committed: Number(row.committed),
      disbursed: Number(row.disbursed),
    }))
    .filter((row) => row.committed !== 0 || row.disbursed !== 0)
    .sort((a, b) => b.committed - a.committed || a.organisation.nameEn.localeCompare(b.organisation.nameEn));
  const directCosts = sumMinor(costs.map((cost) => cost.directCost ?? 0));

  return {
    ...overview,
    byQuarter,
    /** What the quarters add up to: paid to grants, direct costs, and in all the year's disbursed total. */
    quarterTotals: {
      grants: sumMinor(byQuarter.map((q) => q.grants)),
      directCosts: sumMinor(byQuarter.map((q) => q.directCosts)),
      total: sumMinor(byQuarter.map((q) => q.total)),
    },
    byPartner,
    /** Partners plus direct costs (a row of their own): the year's committed and disbursed totals. */
    partnerTotals: {
      committed: sumMinor(byPartner.map((p) => p.committed)) + directCosts,
      disbursed: sumMinor(byPartner.map((p) => p.disbursed)) + directCosts,
    },
    directCosts,
  };
}
