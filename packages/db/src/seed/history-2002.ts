import { addDays, DEFAULT_PAYMENT_GRACE_DAYS, fiscalYearOf, type IsoDate } from "@portal/domain";
import { OFFICER_EMAIL, SECOND_OFFICER_EMAIL } from "./demo-accounts";
import { FY2002_WORK_IN_PROGRESS } from "./grant-definitions";
import type { GrantDefinition, PaymentDefinition, ReportDefinition, SubmissionDefinition } from "./grant-plan";

/**
 * The day the FY 2002-2003 work in progress stands at: its last event is MAC's interim report sent back for changes
 * on 2 December 2002. The demo cannot be dated earlier (its rows would lie in the future), and tests pin the seed to
 * this day so the fixtures they were written against (a draft, a grant to approve, an overdue report...) stay put.
 */
export const DEMO_2002_SNAPSHOT: IsoDate = "2002-12-02";

/** From this fiscal year on, FY 2002-2003 is over: its grants are history and a present-day portfolio is added. */
const FIRST_LIVING_FISCAL_YEAR = 2003;

export function assertDemoDate(today: IsoDate): void {
  if (today < DEMO_2002_SNAPSHOT) {
    throw new Error(`The demo's history runs to ${DEMO_2002_SNAPSHOT}; it cannot be seeded as of ${today}.`);
  }
}

/** True once the seed's date is past FY 2002-2003: the demo then lives in the seed's own present. */
export function isLivingDemo(today: IsoDate): boolean {
  return fiscalYearOf(today) >= FIRST_LIVING_FISCAL_YEAR;
}

/** Days after a due date an illustrative concluded instalment was paid, or a report answered. */
const PAID_AFTER_DUE_DAYS = 10;
const ANSWERED_AFTER_DAYS = 7;

const otherOfficer = (email: string | undefined) => (email === OFFICER_EMAIL ? SECOND_OFFICER_EMAIL : OFFICER_EMAIL);

function at(isoDateTime: string, days: number): string {
  return `${addDays(isoDateTime.slice(0, 10), days)}T15:00:00Z`;
}

/**
 * The last submission answered "accepted": one still waiting gets its answer, and one sent back for changes gets the
 * partner's resubmission, accepted. A report without submissions is accepted as the 2001-2002 history's are.
 */
function acceptedSubmissions(report: ReportDefinition, officer: string): SubmissionDefinition[] {
  const submissions = [...(report.submissions ?? [])];
  const last = submissions.at(-1);
  if (!last) return [];
  if (!last.decision) {
    const respondedAt = at(last.at, ANSWERED_AFTER_DAYS);
    submissions[submissions.length - 1] = { ...last, decision: "accepted", respondedBy: officer, respondedAt };
  } else if (last.decision === "changes_requested") {
    const resubmittedAt = at(last.respondedAt ?? last.at, PAID_AFTER_DUE_DAYS);
    submissions.push({
      by: last.by,
      at: resubmittedAt,
      body: `${last.body} Resubmitted with the figures asked for.`,
      decision: "accepted",
      respondedBy: last.respondedBy ?? officer,
      respondedAt: at(resubmittedAt, ANSWERED_AFTER_DAYS),
    });
  }
  return submissions;
}

/** Paid a few days after it fell due, and never later than the grant's payment window allows. */
function paidInstalment(definition: GrantDefinition, payment: PaymentDefinition): PaymentDefinition {
  if (payment.paidOn) return payment;
  const lastAllowed = addDays(definition.endsOn, DEFAULT_PAYMENT_GRACE_DAYS);
  const paidOn = [addDays(payment.dueOn, PAID_AFTER_DUE_DAYS), lastAllowed].sort()[0]!;
  const createdBy = payment.createdBy ?? definition.leadOfficer ?? OFFICER_EMAIL;
  return {
    ...payment,
    status: "paid",
    paidOn,
    createdBy,
    approvedBy: payment.approvedBy ?? otherOfficer(createdBy),
  };
}

/**
 * ILLUSTRATIVE ending of a FY 2002-2003 grant, as the demo shows it once that year is long past: an agreement that
 * ran was paid in full and closed with every report accepted; one never approved (a draft, one awaiting approval)
 * was cancelled. Amounts, components and funding lines are unchanged, and so is what each grant commits (a closed
 * grant commits what was paid, here its whole total), so every budget figure of those years stays as it was.
 */
export function concluded(definition: GrantDefinition): GrantDefinition {
  if (definition.status === "draft" || definition.status === "submitted") {
    return { ...definition, status: "cancelled" };
  }
  const officer = definition.leadOfficer ?? OFFICER_EMAIL;
  return {
    ...definition,
    status: "closed",
    approvedBy: definition.approvedBy ?? otherOfficer(definition.createdBy),
    recordedBy: definition.recordedBy ?? officer,
    reports: definition.reports.map((report) => ({
      ...report,
      status: "accepted",
      submissions: acceptedSubmissions(report, officer),
    })),
    payments: definition.payments.map((payment) => paidInstalment(definition, payment)),
  };
}

/** The FY 2002-2003 grants as of `today`: in progress during that year, concluded afterwards. */
export function fy2002Grants(today: IsoDate): readonly GrantDefinition[] {
  return isLivingDemo(today) ? FY2002_WORK_IN_PROGRESS.map(concluded) : FY2002_WORK_IN_PROGRESS;
}
