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
import { DomainError } from "../../errors";
import { budgetDrilldownInput, type BudgetDrilldownInput } from "./inputs";

const recipientColumns = {
  id: organisations.id,
  acronym: organisations.acronym,
  nameEn: organisations.legalNameEn,
  nameFr: organisations.legalNameFr,
};

/**
 * The grants, disbursements and conference direct costs behind a budget figure: one allocation, or all of a fiscal
 * year's allocations, optionally narrowed to one partner (recipient organisation) and/or one fiscal quarter of
 * payment. Figures are recomputed from the facts (funding_line_ledger), so they add up to the allocation's running
 * totals; integration tests hold them to it.
 */
export async function budgetDrilldown(db: DbOrTx, actor: Actor, rawInput: BudgetDrilldownInput) {
  requireCapability(actor, "budgets.review");
  const input = budgetDrilldownInput.parse(rawInput);

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
    if (!row) throw new DomainError("NOT_FOUND", "No such allocation.");
    allocation = row;
  }
  const fiscalYear = allocation?.fiscalYear ?? input.fiscalYear;
  if (fiscalYear === undefined) throw new DomainError("VALIDATION", "Choose a fiscal year or an allocation.");

  let organisation: { id: string; acronym: string | null; nameEn: string; nameFr: string } | null = null;
  if (input.organisationId) {
    const [row] = await db
      .select(recipientColumns)
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!row) throw new DomainError("NOT_FOUND", "No such organisation.");
    organisation = row;
  }

  const inScope = (allocationId: SQL | typeof allocations.id): SQL[] => [
    eq(allocations.fiscalYear, fiscalYear),
    ...(allocation ? [sql`${allocationId} = ${allocation.id}`] : []),
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

  const [lines, payments, conferenceRows] = await Promise.all([
    db
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
      .where(and(...inScope(allocations.id), ...forPartner, ...paidInPeriod))
      .orderBy(asc(grants.reference), asc(programmes.code)),
    db
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
      .where(and(...inScope(allocations.id), ...forPartner, ...inPeriod))
      .orderBy(asc(disbursements.paidOn), asc(disbursements.reference), asc(disbursements.id)),
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
          .where(and(...inScope(allocations.id), isNotNull(conferences.directCost)))
          .orderBy(asc(conferences.startsOn)),
  ]);

  const directCosts = conferenceRows
    .map((row) => ({ ...row, fiscalYear: fiscalYearOf(row.startsOn), fiscalQuarter: fiscalQuarterOf(row.startsOn) }))
    .filter(
      (row) =>
        !input.period || (row.fiscalYear === input.period.fiscalYear && row.fiscalQuarter === input.period.quarter),
    );
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const totals = {
    funded: sum(lines.map((line) => line.amount)),
    committed: sum(lines.map((line) => line.committed)),
    /** Paid from the listed funding lines over their life. */
    linesDisbursed: sum(lines.map((line) => line.disbursed)),
    /** The listed disbursements (only those in the period, when one is chosen). */
    disbursements: sum(payments.map((payment) => payment.amountCad)),
    directCosts: sum(directCosts.map((cost) => cost.directCost)),
  };
  return {
    fiscalYear,
    allocation,
    organisation,
    period: input.period ?? null,
    grants: lines,
    disbursements: payments,
    directCosts,
    totals: {
      ...totals,
      /** What this view contributes to the budget's committed and disbursed figures. */
      committedWithDirectCosts: totals.committed + totals.directCosts,
      disbursedWithDirectCosts: totals.disbursements + totals.directCosts,
    },
  };
}
