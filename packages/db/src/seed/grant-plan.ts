import { convertToCad, fiscalQuarterOf, fiscalYearOf, type IsoDate, sumMinor } from "@portal/domain";
import type {
  disbursements,
  fundingLines,
  grantComponents,
  grants,
  reportingRequirements,
  reportSubmissions,
  scheduledPayments,
} from "../schema";
import { instalments, proportionalShares } from "./amounts";
import { seedId } from "./ids";
import { organisationId, type OrganisationSlug } from "./organisations";
import { allocationId, type AllocationIdOf } from "./programmes";
import type { UserIds } from "./users";
import type { SeedProvenance } from "./write";

type GrantStatus = NonNullable<(typeof grants.$inferInsert)["status"]>;
type RequirementStatus = NonNullable<(typeof reportingRequirements.$inferInsert)["status"]>;
type PaymentStatus = NonNullable<(typeof scheduledPayments.$inferInsert)["status"]>;

export interface ComponentDefinition {
  titleEn: string;
  titleFr: string;
  descriptionEn?: string;
  descriptionFr?: string;
  /** In the grant's currency. */
  amount: number;
  provenance: SeedProvenance;
}

export interface FundingDefinition {
  programme: "MAPP" | "MMP";
  fiscalYear: number;
  /** In CAD: allocations are CAD. */
  amount: number;
  provenance: SeedProvenance;
}

export interface SubmissionDefinition {
  by: string;
  at: string;
  body: string;
  decision?: "accepted" | "changes_requested";
  response?: string;
  respondedBy?: string;
  respondedAt?: string;
}

export interface ReportDefinition {
  /** Names the report within its grant, so payments can wait for it. */
  key: string;
  kind: "narrative" | "financial";
  stage: "interim" | "final";
  dueOn: IsoDate;
  status: RequirementStatus;
  submissions?: readonly SubmissionDefinition[];
}

export interface PaymentDefinition {
  percent: number;
  descriptionEn: string;
  descriptionFr: string;
  dueOn: IsoDate;
  status: PaymentStatus;
  /** The report that must be accepted before this instalment is paid. */
  report?: string;
  /** Set for paid instalments: produces the disbursements. */
  paidOn?: IsoDate;
  createdBy?: string;
  approvedBy?: string;
}

export interface GrantDefinition {
  reference: string;
  recipient: OrganisationSlug;
  titleEn: string;
  titleFr: string;
  purposeEn: string;
  purposeFr: string;
  currency: string;
  /** CAD per unit of the grant's currency, as stored (numeric 18,8); "1" for CAD. */
  exchangeRateToCad: string;
  /** In the grant's currency, minor units. */
  totalAmount: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  status: GrantStatus;
  provenance: SeedProvenance;
  leadOfficer: string | null;
  createdBy?: string;
  approvedBy?: string;
  /** Who recorded the disbursements; null for history from before the portal. */
  recordedBy?: string;
  components: readonly ComponentDefinition[];
  funding: readonly FundingDefinition[];
  reports: readonly ReportDefinition[];
  payments: readonly PaymentDefinition[];
}

/** Every row of one grant, ready to insert; written together or not at all. */
export interface GrantAggregate {
  grant: typeof grants.$inferInsert & { id: string };
  components: (typeof grantComponents.$inferInsert)[];
  fundingLines: (typeof fundingLines.$inferInsert & {
    id: string;
    allocationId: string;
    amount: number;
    disbursed: number;
  })[];
  requirements: (typeof reportingRequirements.$inferInsert)[];
  submissions: (typeof reportSubmissions.$inferInsert)[];
  payments: (typeof scheduledPayments.$inferInsert)[];
  disbursements: (typeof disbursements.$inferInsert & {
    amount: number;
    amountCad: number;
  })[];
}

/**
 * The schedules, reports and payment dates of every seeded grant are ILLUSTRATIVE, even for grants whose amount is
 * in the source document: the document gives totals, not how they were paid.
 */
const SCHEDULE_PROVENANCE: SeedProvenance = "illustrative";

function userId(users: UserIds, email: string | undefined | null): string | null {
  if (!email) return null;
  const id = users.get(email);
  if (!id) throw new Error(`Seed refers to unknown demo user ${email}`);
  return id;
}

function totalAmountCad(definition: GrantDefinition): number {
  return definition.currency === "CAD"
    ? definition.totalAmount
    : convertToCad(definition.totalAmount, definition.currency, definition.exchangeRateToCad);
}

/** Catches a mistyped figure before the database does, with the grant's reference in the message. */
function assertGrantAddsUp(definition: GrantDefinition): void {
  const { reference, totalAmount, components, funding, payments } = definition;
  if (components.length > 0 && sumMinor(components.map((c) => c.amount)) !== totalAmount) {
    throw new Error(`${reference}: components do not add up to the total`);
  }
  if (funding.length > 0 && sumMinor(funding.map((f) => f.amount)) !== totalAmountCad(definition)) {
    throw new Error(`${reference}: funding lines do not add up to the CAD total`);
  }
  if (payments.length > 0 && sumMinor(payments.map((p) => p.percent)) !== 100) {
    throw new Error(`${reference}: instalments do not add up to 100%`);
  }
  if (definition.currency !== "CAD" && funding.length > 1) {
    throw new Error(`${reference}: a foreign-currency grant is drawn from one allocation in this seed`);
  }
}

const lineKey = (funding: FundingDefinition) => `${funding.programme}-${funding.fiscalYear}`;

function componentRows(definition: GrantDefinition, grantId: string): GrantAggregate["components"] {
  return definition.components.map((component, index) => ({
    id: seedId(`grant-component:${definition.reference}:${index + 1}`),
    grantId,
    position: index + 1,
    titleEn: component.titleEn,
    titleFr: component.titleFr,
    descriptionEn: component.descriptionEn ?? "",
    descriptionFr: component.descriptionFr ?? "",
    amount: component.amount,
    provenance: component.provenance,
  }));
}

function requirementId(reference: string, key: string): string {
  return seedId(`reporting-requirement:${reference}:${key}`);
}

function requirementRows(definition: GrantDefinition, grantId: string): GrantAggregate["requirements"] {
  return definition.reports.map((report) => ({
    id: requirementId(definition.reference, report.key),
    grantId,
    kind: report.kind,
    stage: report.stage,
    dueOn: report.dueOn,
    status: report.status,
    provenance: SCHEDULE_PROVENANCE,
  }));
}

function submissionRows(definition: GrantDefinition, users: UserIds): GrantAggregate["submissions"] {
  return definition.reports.flatMap((report) =>
    (report.submissions ?? []).map((submission, index) => ({
      id: seedId(`report-submission:${definition.reference}:${report.key}:${index + 1}`),
      requirementId: requirementId(definition.reference, report.key),
      submittedById: userId(users, submission.by) as string,
      body: submission.body,
      submittedAt: new Date(submission.at),
      decision: submission.decision ?? null,
      response: submission.response ?? null,
      respondedById: userId(users, submission.respondedBy),
      respondedAt: submission.respondedAt ? new Date(submission.respondedAt) : null,
    })),
  );
}

function paymentId(reference: string, sequence: number): string {
  return seedId(`scheduled-payment:${reference}:${sequence}`);
}

function paymentRows(definition: GrantDefinition, grantId: string, users: UserIds): GrantAggregate["payments"] {
  const amounts = instalments(
    definition.totalAmount,
    definition.payments.map((payment) => payment.percent),
  );
  return definition.payments.map((payment, index) => {
    if (payment.report && !definition.reports.some((report) => report.key === payment.report)) {
      throw new Error(`${definition.reference}: payment ${index + 1} waits for unknown report ${payment.report}`);
    }
    return {
      id: paymentId(definition.reference, index + 1),
      grantId,
      sequence: index + 1,
      descriptionEn: payment.descriptionEn,
      descriptionFr: payment.descriptionFr,
      dueOn: payment.dueOn,
      amount: amounts[index] as number,
      status: payment.status,
      requirementId: payment.report ? requirementId(definition.reference, payment.report) : null,
      createdById: userId(users, payment.createdBy),
      approvedById: userId(users, payment.approvedBy),
      provenance: SCHEDULE_PROVENANCE,
    };
  });
}

/**
 * Each paid instalment is drawn from the grant's funding lines in proportion to their amounts; the last instalment
 * takes what is left on each line, so a fully paid grant leaves every line exactly fully disbursed.
 */
function lineSharesPerInstalment(definition: GrantDefinition, amounts: readonly number[]): number[][] {
  const lineAmounts = definition.funding.map((funding) => funding.amount);
  const remaining = [...lineAmounts];
  const isLast = (index: number) => index === definition.payments.length - 1;
  return definition.payments.map((payment, index) => {
    if (!payment.paidOn) return lineAmounts.map(() => 0);
    const cad =
      definition.currency === "CAD"
        ? (amounts[index] as number)
        : convertToCad(amounts[index] as number, definition.currency, definition.exchangeRateToCad);
    const shares = isLast(index) ? [...remaining] : proportionalShares(cad, lineAmounts);
    shares.forEach((share, line) => {
      remaining[line] = (remaining[line] as number) - share;
      if (remaining[line] < 0)
        throw new Error(`${definition.reference}: instalment ${index + 1} overdraws a funding line`);
    });
    return shares;
  });
}

function disbursementRows(
  definition: GrantDefinition,
  grantId: string,
  lines: GrantAggregate["fundingLines"],
  users: UserIds,
): GrantAggregate["disbursements"] {
  const amounts = instalments(
    definition.totalAmount,
    definition.payments.map((payment) => payment.percent),
  );
  const shares = lineSharesPerInstalment(definition, amounts);
  return definition.payments.flatMap((payment, index) => {
    const paidOn = payment.paidOn;
    if (!paidOn) return [];
    return definition.funding.flatMap((funding, line) => {
      const amountCad = shares[index]?.[line] ?? 0;
      if (amountCad === 0) return [];
      // A foreign-currency grant has one line, so the instalment's own amount is the line's share of it.
      const amount = definition.currency === "CAD" ? amountCad : (amounts[index] as number);
      const key = `${definition.reference}:P${index + 1}:${lineKey(funding)}`;
      return [
        {
          id: seedId(`disbursement:${key}`),
          grantId,
          fundingLineId: (lines[line] as GrantAggregate["fundingLines"][number]).id,
          scheduledPaymentId: paymentId(definition.reference, index + 1),
          paidOn,
          fiscalYear: fiscalYearOf(paidOn),
          fiscalQuarter: fiscalQuarterOf(paidOn),
          amount,
          currency: definition.currency,
          amountCad,
          reference: `${definition.reference}/P${index + 1}/${lineKey(funding)}`,
          idempotencyKey: `seed:${key}`,
          recordedById: userId(users, definition.recordedBy),
          provenance: SCHEDULE_PROVENANCE,
        },
      ];
    });
  });
}

function fundingLineRows(
  definition: GrantDefinition,
  grantId: string,
  allocationIdOf: AllocationIdOf,
): GrantAggregate["fundingLines"] {
  return definition.funding.map((funding) => ({
    id: seedId(`funding-line:${definition.reference}:${lineKey(funding)}`),
    grantId,
    allocationId: allocationIdOf(funding.programme, funding.fiscalYear),
    amount: funding.amount,
    disbursed: 0,
    provenance: funding.provenance,
  }));
}

/** Running totals are part of the rows, so each CHECK (disbursed <= total) holds from the first insert. */
function withDisbursedTotals(aggregate: GrantAggregate): GrantAggregate {
  const byLine = new Map<string, number>();
  for (const disbursement of aggregate.disbursements) {
    byLine.set(disbursement.fundingLineId, (byLine.get(disbursement.fundingLineId) ?? 0) + disbursement.amountCad);
  }
  return {
    ...aggregate,
    grant: {
      ...aggregate.grant,
      disbursed: sumMinor(aggregate.disbursements.map((d) => d.amount)),
    },
    fundingLines: aggregate.fundingLines.map((line) => ({
      ...line,
      disbursed: byLine.get(line.id) ?? 0,
    })),
  };
}

export function planGrant(
  definition: GrantDefinition,
  users: UserIds,
  allocationIdOf: AllocationIdOf = allocationId,
): GrantAggregate {
  assertGrantAddsUp(definition);
  const id = seedId(`grant:${definition.reference}`);
  const fundingLines = fundingLineRows(definition, id, allocationIdOf);
  return withDisbursedTotals({
    grant: {
      id,
      reference: definition.reference,
      recipientId: organisationId(definition.recipient),
      titleEn: definition.titleEn,
      titleFr: definition.titleFr,
      purposeEn: definition.purposeEn,
      purposeFr: definition.purposeFr,
      totalAmount: definition.totalAmount,
      currency: definition.currency,
      exchangeRateToCad: definition.exchangeRateToCad,
      totalAmountCad: totalAmountCad(definition),
      disbursed: 0,
      startsOn: definition.startsOn,
      endsOn: definition.endsOn,
      status: definition.status,
      leadOfficerId: userId(users, definition.leadOfficer),
      createdById: userId(users, definition.createdBy),
      approvedById: userId(users, definition.approvedBy),
      provenance: definition.provenance,
    },
    components: componentRows(definition, id),
    fundingLines,
    requirements: requirementRows(definition, id),
    submissions: submissionRows(definition, users),
    payments: paymentRows(definition, id, users),
    disbursements: disbursementRows(definition, id, fundingLines, users),
  });
}
