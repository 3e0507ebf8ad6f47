import {
  allocations,
  type DbOrTx,
  disbursements,
  fundingLines,
  type Grant,
  grantComponents,
  programmes,
  reportingRequirements,
  scheduledPayments,
} from "@portal/db";
import {
  type AmendmentChange,
  convertToCad,
  fiscalYearLabel,
  type GrantStatus,
  type ProposeAmendmentData,
  statusAfterAmendment,
  sumMinor,
} from "@portal/domain";
import { asc, eq, inArray, max, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { allocationsInScope } from "../grants/grant-scope";
import { grantStatusWords, money, reportName } from "./refusal-words";

export type AmendmentRequest = Omit<ProposeAmendmentData, "grantId" | "reason">;

export interface PlannedLine {
  /** Absent for a line the amendment adds. */
  id?: string;
  allocationId: string;
  before: number;
  after: number;
  disbursed: number;
}

/** What approving the amendment would write, and each field before and after (the history shows `changes`). */
export interface AmendmentPlan {
  statusBefore: GrantStatus;
  status: GrantStatus;
  endsOn: string;
  totalAmount: number;
  totalAmountCad: number;
  components: { id: string; amount: number }[];
  lines: PlannedLine[];
  payments: { id: string; dueOn: string; amount: number; amountChanged: boolean }[];
  requirements: { id: string; dueOn: string }[];
  changes: AmendmentChange[];
}

/** The grant's parts as they are now, read in the caller's transaction (which holds the grant lock). */
async function currentParts(tx: DbOrTx, grantId: string) {
  const [components, lines, payments, requirements, [lastPayment]] = await Promise.all([
    tx
      .select()
      .from(grantComponents)
      .where(eq(grantComponents.grantId, grantId))
      .orderBy(asc(grantComponents.position)),
    tx
      .select({
        id: fundingLines.id,
        allocationId: fundingLines.allocationId,
        amount: fundingLines.amount,
        disbursed: fundingLines.disbursed,
        programme: programmes.code,
        fiscalYear: allocations.fiscalYear,
        hasEntries: sql<boolean>`exists (select 1 from ${disbursements} where ${disbursements.fundingLineId} = ${fundingLines.id})`,
      })
      .from(fundingLines)
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(fundingLines.grantId, grantId))
      .orderBy(asc(allocations.fiscalYear), asc(programmes.code)),
    tx
      .select()
      .from(scheduledPayments)
      .where(eq(scheduledPayments.grantId, grantId))
      .orderBy(asc(scheduledPayments.sequence)),
    tx.select().from(reportingRequirements).where(eq(reportingRequirements.grantId, grantId)),
    tx
      .select({ paidOn: max(disbursements.paidOn) })
      .from(disbursements)
      .where(eq(disbursements.grantId, grantId)),
  ]);
  return { components, lines, payments, requirements, lastPaidOn: lastPayment?.paidOn ?? null };
}

const lineLabel = (line: { programme: string; fiscalYear: number }) =>
  `${line.programme} FY ${fiscalYearLabel(line.fiscalYear)}`;

/**
 * THE amendment rule, applied when an amendment is proposed and again, against the grant as it then is, when it is
 * approved (payments may have been made in between): the grant is in a status that may be amended; the end date
 * stays on or after the start and after every payment; the total, each funding line and each instalment never go
 * below what is already paid; components add up to the total and funding lines to its CAD equivalent; the schedule
 * never comes to more than the total; paid or cancelled instalments and accepted or waived reports stay as they are.
 * Each refusal names the field at fault.
 */
export async function planAmendment(
  tx: DbOrTx,
  actor: Actor,
  grant: Grant,
  request: AmendmentRequest,
): Promise<AmendmentPlan> {
  const status = statusAfterAmendment(grant.status);
  if (!status) {
    throw new DomainError(
      "GRANT_NOT_AMENDABLE",
      `This grant is ${grantStatusWords(grant.status)}; only an approved, active, suspended, closing or closed grant can be amended.`,
    );
  }
  const parts = await currentParts(tx, grant.id);
  const changes: AmendmentChange[] = [];
  if (status !== grant.status) changes.push({ field: "status", before: grant.status, after: status });

  const endsOn = request.endsOn ?? grant.endsOn;
  if (endsOn < grant.startsOn) {
    throw new DomainError(
      "VALIDATION",
      `The end date must be on or after the start date, ${grant.startsOn}.`,
      "endsOn",
    );
  }
  if (parts.lastPaidOn && endsOn < parts.lastPaidOn) {
    throw new DomainError(
      "VALIDATION",
      `A payment on this grant is dated ${parts.lastPaidOn}; the end date cannot be before it.`,
      "endsOn",
    );
  }
  if (endsOn !== grant.endsOn) changes.push({ field: "endsOn", before: grant.endsOn, after: endsOn });

  const totalAmount = request.totalAmount ?? grant.totalAmount;
  if (totalAmount < grant.disbursed) {
    throw new DomainError(
      "AMENDMENT_BELOW_PAID",
      `${money(grant.disbursed, grant.currency)} has already been paid on this grant; the total cannot be less.`,
      "totalAmount",
    );
  }
  const totalAmountCad =
    totalAmount === grant.totalAmount
      ? grant.totalAmountCad
      : convertToCad(totalAmount, grant.currency, grant.exchangeRateToCad);
  if (totalAmount !== grant.totalAmount) {
    changes.push({ field: "totalAmount", before: grant.totalAmount, after: totalAmount });
  }

  // Components: re-split by id; they must add up to the new total.
  const componentAmounts = new Map(parts.components.map((c) => [c.id, c.amount]));
  (request.components ?? []).forEach((component, index) => {
    if (!componentAmounts.has(component.id)) {
      throw new DomainError("VALIDATION", "Choose one of this grant's components.", `components.${index}.id`);
    }
    componentAmounts.set(component.id, component.amount);
  });
  const componentsTotal = sumMinor([...componentAmounts.values()]);
  if (componentsTotal !== totalAmount) {
    throw new DomainError(
      "COMPONENTS_DO_NOT_ADD_UP",
      `The components add up to ${money(componentsTotal, grant.currency)}, but the total is ${money(totalAmount, grant.currency)}.`,
      "components",
    );
  }
  const components = parts.components
    .filter((c) => componentAmounts.get(c.id) !== c.amount)
    .map((c) => {
      const after = componentAmounts.get(c.id)!;
      changes.push({
        field: "component",
        id: c.id,
        position: c.position,
        titleEn: c.titleEn,
        titleFr: c.titleFr,
        before: c.amount,
        after,
      });
      return { id: c.id, amount: after };
    });

  const lines = await planLines(tx, actor, parts.lines, request.fundingLines, totalAmountCad);
  for (const line of lines) {
    if (line.before === line.after) continue;
    changes.push({
      field: "fundingLine",
      allocationId: line.allocationId,
      programme: line.programme,
      fiscalYear: line.fiscalYear,
      before: line.before,
      after: line.after,
    });
  }

  // Instalments: due dates and amounts of those not yet paid or cancelled.
  const payments: AmendmentPlan["payments"] = [];
  const newAmounts = new Map(parts.payments.map((p) => [p.id, p.amount]));
  (request.payments ?? []).forEach((change, index) => {
    const payment = parts.payments.find((p) => p.id === change.id);
    if (!payment) {
      throw new DomainError("VALIDATION", "Choose one of this grant's instalments.", `payments.${index}.id`);
    }
    const dueOn = change.dueOn ?? payment.dueOn;
    const amount = change.amount ?? payment.amount;
    if (dueOn === payment.dueOn && amount === payment.amount) return;
    if (payment.status === "paid" || payment.status === "cancelled") {
      throw new DomainError(
        "VALIDATION",
        `Instalment ${payment.sequence} is ${payment.status}; it can no longer be changed.`,
        `payments.${index}.${amount === payment.amount ? "dueOn" : "amount"}`,
      );
    }
    newAmounts.set(payment.id, amount);
    payments.push({ id: payment.id, dueOn, amount, amountChanged: amount !== payment.amount });
    if (dueOn !== payment.dueOn) {
      changes.push({
        field: "paymentDueOn",
        id: payment.id,
        sequence: payment.sequence,
        before: payment.dueOn,
        after: dueOn,
      });
    }
    if (amount !== payment.amount) {
      changes.push({
        field: "paymentAmount",
        id: payment.id,
        sequence: payment.sequence,
        before: payment.amount,
        after: amount,
      });
    }
  });
  const scheduled = sumMinor(parts.payments.filter((p) => p.status !== "cancelled").map((p) => newAmounts.get(p.id)!));
  if (scheduled > totalAmount) {
    throw new DomainError(
      "SCHEDULE_EXCEEDS_TOTAL",
      `The instalments would come to ${money(scheduled, grant.currency)}, more than the new total of ${money(totalAmount, grant.currency)}; ` +
        "lower the instalments not yet paid.",
      "payments",
    );
  }

  // Reports: due dates of those not yet accepted or waived.
  const requirements: AmendmentPlan["requirements"] = [];
  (request.requirements ?? []).forEach((change, index) => {
    const requirement = parts.requirements.find((r) => r.id === change.id);
    if (!requirement) {
      throw new DomainError("VALIDATION", "Choose one of this grant's reports.", `requirements.${index}.id`);
    }
    if (change.dueOn === requirement.dueOn) return;
    if (requirement.status === "accepted" || requirement.status === "waived") {
      throw new DomainError(
        "VALIDATION",
        `The ${reportName(requirement)} is ${requirement.status}; its due date can no longer be moved.`,
        `requirements.${index}.dueOn`,
      );
    }
    requirements.push({ id: requirement.id, dueOn: change.dueOn });
    changes.push({
      field: "requirementDueOn",
      id: requirement.id,
      kind: requirement.kind,
      stage: requirement.stage,
      before: requirement.dueOn,
      after: change.dueOn,
    });
  });

  if (changes.length === 0) {
    throw new DomainError(
      "VALIDATION",
      "This amendment changes nothing; change at least one figure or date.",
      "changes",
    );
  }
  return {
    statusBefore: grant.status,
    status,
    endsOn,
    totalAmount,
    totalAmountCad,
    components,
    lines: lines.map(({ id, allocationId, before, after, disbursed }) => ({
      id,
      allocationId,
      before,
      after,
      disbursed,
    })),
    payments,
    requirements,
    changes,
  };
}

type CurrentLine = Awaited<ReturnType<typeof currentParts>>["lines"][number];

interface LinePlan extends PlannedLine {
  programme: string;
  fiscalYear: number;
  hasEntries: boolean;
  /** Its place in the requested split (for the field a refusal names); -1 when left out of it. */
  index: number;
}

/**
 * The funding lines after the amendment. Without a new split they stay, and must still add up to the CAD total; with
 * one, it is the whole split: a line left out or set to 0 is removed (only if nothing was ever paid from it), a new
 * allocation adds a line, and no line goes below what was paid from it.
 */
async function planLines(
  tx: DbOrTx,
  actor: Actor,
  current: readonly CurrentLine[],
  split: AmendmentRequest["fundingLines"],
  totalAmountCad: number,
) {
  const planned = current.map((line): LinePlan => ({
    id: line.id,
    allocationId: line.allocationId,
    programme: line.programme,
    fiscalYear: line.fiscalYear,
    before: line.amount,
    after: split ? 0 : line.amount,
    disbursed: line.disbursed,
    hasEntries: line.hasEntries,
    index: -1,
  }));
  if (split) {
    const newIds = split
      .filter((l) => !current.some((c) => c.allocationId === l.allocationId))
      .map((l) => l.allocationId);
    const known =
      newIds.length === 0
        ? []
        : await tx
            .select({
              id: allocations.id,
              programme: programmes.code,
              fiscalYear: allocations.fiscalYear,
              inScope: sql<boolean>`${allocationsInScope(actor)}`,
            })
            .from(allocations)
            .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
            .where(inArray(allocations.id, newIds));
    split.forEach((line, index) => {
      const existing = planned.find((p) => p.allocationId === line.allocationId);
      if (existing) {
        existing.after = line.amount;
        existing.index = index;
        return;
      }
      const allocation = known.find((k) => k.id === line.allocationId);
      if (!allocation) {
        throw new DomainError(
          "VALIDATION",
          "Choose an allocation from the list.",
          `fundingLines.${index}.allocationId`,
        );
      }
      if (line.amount === 0) return;
      if (!allocation.inScope) {
        throw new DomainError(
          "FORBIDDEN",
          "This allocation belongs to a programme you are not assigned to; choose one of your programmes' allocations.",
          `fundingLines.${index}.allocationId`,
        );
      }
      planned.push({
        id: undefined,
        allocationId: allocation.id,
        programme: allocation.programme,
        fiscalYear: allocation.fiscalYear,
        before: 0,
        after: line.amount,
        disbursed: 0,
        hasEntries: false,
        index,
      });
    });
  }
  for (const line of planned) {
    const field = line.index >= 0 ? `fundingLines.${line.index}.amount` : "fundingLines";
    if (line.after < line.disbursed) {
      throw new DomainError(
        "AMENDMENT_BELOW_PAID",
        `${money(line.disbursed)} has already been paid from the ${lineLabel(line)} funding line; it cannot be less.`,
        field,
      );
    }
    if (line.after === 0 && line.hasEntries) {
      throw new DomainError(
        "VALIDATION",
        `Payments were recorded on the ${lineLabel(line)} funding line; it stays, with at least what it paid.`,
        field,
      );
    }
  }
  const fundingTotal = sumMinor(planned.map((l) => l.after));
  if (fundingTotal !== totalAmountCad) {
    throw new DomainError(
      "FUNDING_DOES_NOT_ADD_UP",
      `The funding lines add up to ${money(fundingTotal)}, but the grant comes to ${money(totalAmountCad)} in CAD; re-split them.`,
      "fundingLines",
    );
  }
  return planned;
}
