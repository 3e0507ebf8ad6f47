import type { GrantStatus } from "./validators/grants";

/**
 * Amendments: a numbered, reasoned change to a signed grant, proposed by one officer and approved by another. The
 * statuses and the rules that need no database live here, so the service, the grant page and the tests share them.
 */
export const AMENDMENT_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** What may be done with a pending amendment: approve or reject (another officer), withdraw (its proposer). */
export type AmendmentDecisionAction = "approve" | "reject" | "withdraw";

/**
 * The grant statuses an amendment may be proposed and approved in, and the status the grant has afterwards: a signed
 * grant keeps its status; a closed grant is reopened (active), the only way its books open again (reversals and new
 * payments on a closed grant are refused otherwise). Drafts are edited instead; cancelled and terminated grants stay
 * as they ended.
 */
const STATUS_AFTER_AMENDMENT: Partial<Record<GrantStatus, GrantStatus>> = {
  approved: "approved",
  active: "active",
  suspended: "suspended",
  closing: "closing",
  closed: "active",
};

export const AMENDABLE_STATUSES = Object.keys(STATUS_AFTER_AMENDMENT) as GrantStatus[];

export function statusAfterAmendment(status: GrantStatus): GrantStatus | null {
  return STATUS_AFTER_AMENDMENT[status] ?? null;
}

/** One field an amendment changes, before and after (amounts in cents; funding lines in CAD, the rest in the grant's currency). */
export type AmendmentChange =
  | { field: "status"; before: GrantStatus; after: GrantStatus }
  | { field: "endsOn"; before: string; after: string }
  | { field: "totalAmount"; before: number; after: number }
  | {
      field: "component";
      /** Null for a component the amendment adds. */
      id: string | null;
      position: number;
      titleEn: string;
      titleFr: string;
      /** 0 before: a new component; 0 after: the component is removed. */
      before: number;
      after: number;
    }
  | {
      field: "fundingLine";
      allocationId: string;
      programme: string;
      fiscalYear: number;
      /** 0 before: a new line; 0 after: the line is removed. */
      before: number;
      after: number;
    }
  | { field: "paymentDueOn"; id: string; sequence: number; before: string; after: string }
  | { field: "paymentAmount"; id: string; sequence: number; before: number; after: number }
  | {
      field: "requirementDueOn";
      id: string;
      kind: "narrative" | "financial";
      stage: "interim" | "final";
      before: string;
      after: string;
    };
export type AmendmentField = AmendmentChange["field"];
