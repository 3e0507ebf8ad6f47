import {
  allocations,
  conferences,
  countries,
  type DbOrTx,
  disbursements,
  fundingLineLedger,
  fundingLines,
  grants,
  organisations,
  programmes,
} from "@portal/db";
import { fiscalQuarterOf, fiscalYearOf } from "@portal/domain";
import { and, asc, eq, exists, isNotNull, type SQL, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { budgetDrilldownInput, type BudgetDrilldownInput } from "./inputs";
import { parseInput } from "../../parse-input";

const recipientColumns = {
  id: organisations.id,
  acronym: organisations.acronym,
  nameEn: organisations.legalNameEn,
  nameFr: organisations.legalNameFr,
};

/** The drill-down page shows at most this many grant lines and disbursements; totals and counts cover them all. */
export const DRILLDOWN_LIMIT = 100;

/** What a drill-down is narrowed to, resolved once: the page and both exports read through the same conditions. */
export async function drilldownScope(db: DbOrTx, actor: Actor, rawInput: BudgetDrilldownInput) {
  requireCapability(actor, "budgets.review");
  const input = parseInput(budgetDrilldownInput, rawInput);

  let allocation: {
    id: string;
    fiscalYear: number;
    amount: number;
    committed: number;
    disbursed: number;
    provenance: (typeof allocations.provenance.enumValues)[number];
    programme: { id: string; code: string; nameEn: string; nameFr: string };
  } | null = null;
  if (input.allocationId) {
    const [row] = await db
      .select({
        id: allocations.id,
        fiscalYear: allocations.fiscalYear,
        amount: allocations.amount,
        committed: allocations.committed,
        disbursed: allocations.disbursed,
        provenance: allocations.provenance,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(allocations.id, input.allocationId));
    if (!row) throw refusal("NOT_FOUND", "noSuchAllocation");
    allocation = row;
  }
  const fiscalYear = allocation?.fiscalYear ?? input.fiscalYear;
  if (fiscalYear === undefined) throw refusal("VALIDATION", "chooseFiscalYearOrAllocation");

  let organisation: { id: string; acronym: string | null; nameEn: string; nameFr: string } | null = null;
  if (input.organisationId) {
    const [row] = await db
      .select(recipientColumns)
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!row) throw refusal("NOT_FOUND", "noSuchOrganisation");
    organisation = row;
  }

  const inScope: SQL[] = [
    eq(allocations.fiscalYear, fiscalYear),
    ...(allocation ? [eq(allocations.id, allocation.id)] : []),
  ];
  const forPartner = organisation ? [eq(grants.recipientId, organisation.id)] : [];
  const inPeriod = input.period
    ? [eq(disbursements.fiscalYear, input.period.fiscalYear), eq(disbursements.fiscalQuarter, input.period.quarter)]
    : [];
  const paidInPeriod = input.period
    ? [
        exists(
          sql`(select 1 from disbursements d where d.funding_line_id = "funding_line_ledger"."funding_line_id"
               and d.fiscal_year = ${input.period.fiscalYear} and d.fiscal_quarter = ${input.period.quarter})`,
        ),
      ]
    : [];
  return {
    fiscalYear,
    allocation,
    organisation,
    period: input.period ?? null,
    linesWhere: and(...inScope, ...forPartner, ...paidInPeriod),
    paymentsWhere: and(...inScope, ...forPartner, ...inPeriod),
    costsWhere: and(...inScope, isNotNull(conferences.directCost)),
  };
}
export type DrilldownScope = Awaited<ReturnType<typeof drilldownScope>>;

/** Where a keyset batch of funding lines resumes (the table's order: grant reference, programme code, line id). */
export interface LineKey {
  reference: string;
  programmeCode: string;
  fundingLineId: string;
}

/** Funding lines of the scope, in the table's order, `limit` at a time after `after`. */
export function drilldownLines(db: DbOrTx, scope: DrilldownScope, after: LineKey | null, limit: number) {
  return db
    .select({
      fundingLineId: fundingLineLedger.fundingLineId,
      allocationId: allocations.id,
      programmeCode: programmes.code,
      grant: {
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        status: grants.status,
        provenance: grants.provenance,
      },
      recipient: recipientColumns,
      amount: fundingLineLedger.amount,
      committed: fundingLineLedger.committed,
      disbursed: fundingLineLedger.disbursed,
    })
    .from(fundingLineLedger)
    .innerJoin(allocations, eq(allocations.id, fundingLineLedger.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .innerJoin(grants, eq(grants.id, fundingLineLedger.grantId))
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(
      and(
        scope.linesWhere,
        after
          ? sql`(${grants.reference}, ${programmes.code}, ${fundingLineLedger.fundingLineId})
              > (${after.reference}, ${after.programmeCode}, ${after.fundingLineId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(grants.reference), asc(programmes.code), asc(fundingLineLedger.fundingLineId))
    .limit(limit);
}

/** Where a keyset batch of disbursements resumes (the table's order: paid on, reference, id). */
export interface PaymentKey {
  paidOn: string;
  reference: string;
  id: string;
}

/** Disbursements of the scope, in the table's order, `limit` at a time after `after`. */
export function drilldownPayments(db: DbOrTx, scope: DrilldownScope, after: PaymentKey | null, limit: number) {
  return db
    .select({
      id: disbursements.id,
      paidOn: disbursements.paidOn,
      fiscalYear: disbursements.fiscalYear,
      fiscalQuarter: disbursements.fiscalQuarter,
      reference: disbursements.reference,
      amount: disbursements.amount,
      currency: disbursements.currency,
      amountCad: disbursements.amountCad,
      reversesId: disbursements.reversesId,
      provenance: disbursements.provenance,
      programmeCode: programmes.code,
      allocationId: allocations.id,
      grant: { id: grants.id, reference: grants.reference },
      recipient: recipientColumns,
    })
    .from(disbursements)
    .innerJoin(fundingLines, eq(fundingLines.id, disbursements.fundingLineId))
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .innerJoin(grants, eq(grants.id, disbursements.grantId))
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(
      and(
        scope.paymentsWhere,
        after
          ? sql`(${disbursements.paidOn}, ${disbursements.reference}, ${disbursements.id})
              > (${after.paidOn}::date, ${after.reference}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(disbursements.paidOn), asc(disbursements.reference), asc(disbursements.id))
    .limit(limit);
}

/** Counts and sums of both tables over the whole scope, by the database (the page shows only their first rows). */
export async function drilldownSums(db: DbOrTx, scope: DrilldownScope) {
  const [[lineSums], [paymentSums]] = await Promise.all([
    db
      .select({
        count: sql<number>`count(*)::int`,
        funded: sql<string | null>`sum(${fundingLineLedger.amount})`,
        committed: sql<string | null>`sum(${fundingLineLedger.committed})`,
        disbursed: sql<string | null>`sum(${fundingLineLedger.disbursed})`,
      })
      .from(fundingLineLedger)
      .innerJoin(allocations, eq(allocations.id, fundingLineLedger.allocationId))
      .innerJoin(grants, eq(grants.id, fundingLineLedger.grantId))
      .where(scope.linesWhere),
    db
      .select({
        count: sql<number>`count(*)::int`,
        amountCad: sql<string | null>`sum(${disbursements.amountCad})`,
      })
      .from(disbursements)
      .innerJoin(fundingLines, eq(fundingLines.id, disbursements.fundingLineId))
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .where(scope.paymentsWhere),
  ]);
  return { lineSums, paymentSums };
}

/**
 * The grants, disbursements and conference direct costs behind a budget figure: one allocation, or all of a fiscal
 * year's allocations, optionally narrowed to one partner (recipient organisation) and/or one fiscal quarter of
 * payment. Figures are recomputed from the facts (funding_line_ledger), so they add up to the allocation's running
 * totals; integration tests hold them to it. The page gets the first DRILLDOWN_LIMIT rows of each table, with totals
 * and counts summed by the database over all of them; the exports read every row in keyset batches.
 */
export async function budgetDrilldown(db: DbOrTx, actor: Actor, rawInput: BudgetDrilldownInput) {
  const scope = await drilldownScope(db, actor, rawInput);
  const { fiscalYear, allocation, organisation, period } = scope;

  const [lines, payments, conferenceRows, { lineSums, paymentSums }] = await Promise.all([
    drilldownLines(db, scope, null, DRILLDOWN_LIMIT),
    drilldownPayments(db, scope, null, DRILLDOWN_LIMIT),
    // Direct costs belong to no partner, so a partner's drill-down has none.
    organisation
      ? Promise.resolve([])
      : db
          .select({
            id: conferences.id,
            slug: conferences.slug,
            titleEn: conferences.titleEn,
            titleFr: conferences.titleFr,
            city: conferences.city,
            countryNameEn: countries.nameEn,
            countryNameFr: countries.nameFr,
            startsOn: conferences.startsOn,
            endsOn: conferences.endsOn,
            directCost: sql<number>`${conferences.directCost}`.mapWith(Number),
            provenance: conferences.provenance,
            programmeCode: programmes.code,
            allocationId: allocations.id,
          })
          .from(conferences)
          .innerJoin(allocations, eq(allocations.id, conferences.allocationId))
          .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
          .innerJoin(countries, eq(countries.iso2, conferences.countryCode))
          .where(scope.costsWhere)
          .orderBy(asc(conferences.startsOn)),
    drilldownSums(db, scope),
  ]);

  const directCosts = conferenceRows
    .map((row) => ({ ...row, fiscalYear: fiscalYearOf(row.startsOn), fiscalQuarter: fiscalQuarterOf(row.startsOn) }))
    .filter((row) => !period || (row.fiscalYear === period.fiscalYear && row.fiscalQuarter === period.quarter));
  const totals = {
    funded: Number(lineSums?.funded ?? 0),
    committed: Number(lineSums?.committed ?? 0),
    /** Paid from the listed funding lines over their life. */
    linesDisbursed: Number(lineSums?.disbursed ?? 0),
    /** The listed disbursements (only those in the period, when one is chosen). */
    disbursements: Number(paymentSums?.amountCad ?? 0),
    directCosts: directCosts.reduce((total, cost) => total + cost.directCost, 0),
  };
  return {
    fiscalYear,
    allocation,
    organisation,
    period,
    limit: DRILLDOWN_LIMIT,
    grants: lines,
    grantCount: lineSums?.count ?? 0,
    disbursements: payments,
    disbursementCount: paymentSums?.count ?? 0,
    directCosts,
    totals: {
      ...totals,
      /** What this view contributes to the budget's committed and disbursed figures. */
      committedWithDirectCosts: totals.committed + totals.directCosts,
      disbursedWithDirectCosts: totals.disbursements + totals.directCosts,
    },
  };
}
