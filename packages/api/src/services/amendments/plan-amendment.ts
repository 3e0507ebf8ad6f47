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
  param,
  type ProposeAmendmentData,
  statusAfterAmendment,
  sumMinor,
} from "@portal/domain";
import { asc, eq, inArray, max, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { allocationsInScope } from "../grants/grant-scope";

export type AmendmentRequest = Omit<ProposeAmendmentData, "grantId" | "reason">;

export interface PlannedLine {
  /** Absent for a line the amendment adds. */
  id?: string;
  allocationId: string;
  before: number;
  after: number;
  disbursed: number;
}

export interface PlannedComponent {
  id: string | null;
  position: number;
  titleEn: string;
  titleFr: string;
  descriptionEn: string;
  descriptionFr: string;
  amount: number;
}

/** What approving the amendment would write, and each field before and after (the history shows `changes`). */
export interface AmendmentPlan {
  statusBefore: GrantStatus;
  status: GrantStatus;
  endsOn: string;
  totalAmount: number;
  totalAmountCad: number;
  /** Components that change: an id with amount 0 is removed, a null id is added, the rest take their new amount. */
  components: PlannedComponent[];
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

/** A funding line as refusals name it: its programme and fiscal year. */
const lineParams = (line: { programme: string; fiscalYear: number }) => ({
  programme: line.programme,
  fiscalYear: fiscalYearLabel(line.fiscalYear),
});

/**
 * THE amendment rule, applied when an amendment is proposed and again, against the grant as it then is, when it is
 * approved (payments may have been made in between): the grant is in a status that may be amended; the end date
 * stays on or after the start and after every payment; the total, each funding line and each instalment never go
 * below what is already paid; components add up to the total and funding lines to its CAD equivalent; the schedule
 * never comes to more than the total; paid or cancelled instalments and accepted or waived reports stay as they are.
 * Components and funding lines may be added or removed (see planComponents and planLines for when).
 * Each refusal names the field at fault, in the catalogue's words (errors.reasons.amendment*).
 */
export async function planAmendment(
  tx: DbOrTx,
  actor: Actor,
  grant: Grant,
  request: AmendmentRequest,
): Promise<AmendmentPlan> {
  const status = statusAfterAmendment(grant.status);
  if (!status) {
    throw refusal("GRANT_NOT_AMENDABLE", "amendmentGrantNotAmendable", { status: grant.status });
  }
  const parts = await currentParts(tx, grant.id);
  const changes: AmendmentChange[] = [];
  if (status !== grant.status) changes.push({ field: "status", before: grant.status, after: status });

  const endsOn = request.endsOn ?? grant.endsOn;
  if (endsOn < grant.startsOn) {
    throw refusal("VALIDATION", "amendmentEndBeforeStart", { startsOn: param.date(grant.startsOn) }, "endsOn");
  }
  if (parts.lastPaidOn && endsOn < parts.lastPaidOn) {
    throw refusal("VALIDATION", "amendmentEndBeforePayment", { paidOn: param.date(parts.lastPaidOn) }, "endsOn");
  }
  if (endsOn !== grant.endsOn) changes.push({ field: "endsOn", before: grant.endsOn, after: endsOn });

  const totalAmount = request.totalAmount ?? grant.totalAmount;
  if (totalAmount < grant.disbursed) {
    throw refusal(
      "AMENDMENT_BELOW_PAID",
      "amendmentTotalBelowPaid",
      { paid: param.money(grant.disbursed, grant.currency) },
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

  const components = planComponents(parts.components, request, totalAmount, grant.currency, changes);

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
      throw refusal("VALIDATION", "amendmentChooseInstalment", {}, `payments.${index}.id`);
    }
    const dueOn = change.dueOn ?? payment.dueOn;
    const amount = change.amount ?? payment.amount;
    if (dueOn === payment.dueOn && amount === payment.amount) return;
    if (payment.status === "paid" || payment.status === "cancelled") {
      throw refusal(
        "VALIDATION",
        "amendmentInstalmentFixed",
        { sequence: payment.sequence, status: payment.status },
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
    throw refusal(
      "SCHEDULE_EXCEEDS_TOTAL",
      "amendmentScheduleExceedsTotal",
      { scheduled: param.money(scheduled, grant.currency), total: param.money(totalAmount, grant.currency) },
      "payments",
    );
  }

  // Reports: due dates of those not yet accepted or waived.
  const requirements: AmendmentPlan["requirements"] = [];
  (request.requirements ?? []).forEach((change, index) => {
    const requirement = parts.requirements.find((r) => r.id === change.id);
    if (!requirement) {
      throw refusal("VALIDATION", "amendmentChooseReport", {}, `requirements.${index}.id`);
    }
    if (change.dueOn === requirement.dueOn) return;
    if (requirement.status === "accepted" || requirement.status === "waived") {
      throw refusal(
        "VALIDATION",
        "amendmentReportFixed",
        { report: `${requirement.kind}_${requirement.stage}`, status: requirement.status },
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
    throw refusal("VALIDATION", "amendmentChangesNothing", {}, "changes");
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

type CurrentParts = Awaited<ReturnType<typeof currentParts>>;
type CurrentLine = CurrentParts["lines"][number];

/**
 * The components after the amendment: the named ones take their new amount (0 removes one), `newComponents` are
 * added after the last, and together they add up to the new total. Components are earmarks of the total and nothing
 * else: the ledger books instalments on the grant (scheduled_payments.grant_id) and disbursements on funding lines
 * (disbursements.funding_line_id), never on a component, so nothing paid or scheduled can depend on one. What money
 * is paid or scheduled is guarded by the grant's own rules, checked here too: the total never below what is paid, the
 * schedule never above the total. So any component may be removed as long as one remains (a grant without components
 * is a draft being written) and the re-split adds up; the history keeps what it held.
 */
function planComponents(
  current: CurrentParts["components"],
  request: AmendmentRequest,
  totalAmount: number,
  currency: string,
  changes: AmendmentChange[],
): PlannedComponent[] {
  const amounts = new Map(current.map((c) => [c.id, c.amount]));
  (request.components ?? []).forEach((component, index) => {
    if (!amounts.has(component.id)) {
      throw refusal("VALIDATION", "amendmentChooseComponent", {}, `components.${index}.id`);
    }
    amounts.set(component.id, component.amount);
  });
  const added = request.newComponents ?? [];
  const remaining = [...amounts.values()].filter((amount) => amount > 0).length + added.length;
  if (remaining === 0) throw refusal("VALIDATION", "amendmentKeepsAComponent", {}, "components");
  const componentsTotal = sumMinor([...amounts.values(), ...added.map((c) => c.amount)]);
  if (componentsTotal !== totalAmount) {
    throw refusal(
      "COMPONENTS_DO_NOT_ADD_UP",
      "componentsDoNotAddUp",
      { sum: param.money(componentsTotal, currency), total: param.money(totalAmount, currency) },
      "components",
    );
  }
  const planned: PlannedComponent[] = current
    .filter((c) => amounts.get(c.id) !== c.amount)
    .map((c) => ({ ...c, amount: amounts.get(c.id)! }));
  const lastPosition = Math.max(0, ...current.map((c) => c.position));
  added.forEach((c, index) => planned.push({ id: null, position: lastPosition + 1 + index, ...c }));
  for (const component of planned) {
    const before = component.id ? current.find((c) => c.id === component.id)!.amount : 0;
    changes.push({
      field: "component",
      id: component.id,
      position: component.position,
      titleEn: component.titleEn,
      titleFr: component.titleFr,
      before,
      after: component.amount,
    });
  }
  return planned.map(({ id, position, titleEn, titleFr, descriptionEn, descriptionFr, amount }) => ({
    id,
    position,
    titleEn,
    titleFr,
    descriptionEn,
    descriptionFr,
    amount,
  }));
}

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
        throw refusal("VALIDATION", "amendmentChooseAllocation", {}, `fundingLines.${index}.allocationId`);
      }
      if (line.amount === 0) return;
      if (!allocation.inScope) {
        throw refusal("FORBIDDEN", "amendmentAllocationOutsideProgrammes", {}, `fundingLines.${index}.allocationId`);
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
      throw refusal(
        "AMENDMENT_BELOW_PAID",
        "amendmentLineBelowPaid",
        { paid: param.money(line.disbursed), ...lineParams(line) },
        field,
      );
    }
    if (line.after === 0 && line.hasEntries) {
      throw refusal("VALIDATION", "amendmentLineHasPayments", lineParams(line), field);
    }
  }
  const fundingTotal = sumMinor(planned.map((l) => l.after));
  if (fundingTotal !== totalAmountCad) {
    throw refusal(
      "FUNDING_DOES_NOT_ADD_UP",
      "amendmentFundingDoesNotAddUp",
      { sum: param.money(fundingTotal), total: param.money(totalAmountCad) },
      "fundingLines",
    );
  }
  return planned;
}
