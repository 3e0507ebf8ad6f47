import type { GrantStatus, PaymentStatus, RequirementStatus } from "@portal/domain";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "./badge";

/*
 * One colour per status, everywhere a status is shown: a grant, a report or a payment reads the same on the
 * dashboard, the lists, the partner workspace and the console. Danger is kept for what went wrong (overdue,
 * cancelled, terminated), warning for what waits on someone, success for what is done or flowing.
 */
export const GRANT_STATUS_TONES: Record<GrantStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  approved: "info",
  active: "success",
  closing: "warning",
  closed: "neutral",
  cancelled: "danger",
  suspended: "warning",
  terminated: "danger",
};

export const REQUIREMENT_STATUS_TONES: Record<RequirementStatus, BadgeTone> = {
  open: "neutral",
  submitted: "info",
  resubmitted: "info",
  changes_requested: "warning",
  accepted: "success",
  waived: "neutral",
};

export const PAYMENT_STATUS_TONES: Record<PaymentStatus, BadgeTone> = {
  planned: "neutral",
  due: "info",
  approved: "success",
  paid: "success",
  on_hold: "warning",
  cancelled: "neutral",
};

/** Officers see the internal status; partners see the simpler partner-facing label. */
export function GrantStatusBadge({ status, audience }: { status: GrantStatus; audience: "staff" | "partner" }) {
  const t = useTranslations(audience === "partner" ? "partnerGrantStatus" : "grantStatus");
  return <Badge tone={GRANT_STATUS_TONES[status]}>{t(status)}</Badge>;
}

/** A report's status; an overdue report is flagged in danger whatever its status. */
export function ReportStatusBadge({
  status,
  overdue = false,
  overdueLabel,
  testId,
}: {
  status: RequirementStatus;
  overdue?: boolean;
  /** Said instead of the status when the report is overdue (the partner's workspace leads with "Overdue"). */
  overdueLabel?: string;
  testId?: string;
}) {
  const t = useTranslations("grants");
  return (
    <Badge tone={overdue ? "danger" : REQUIREMENT_STATUS_TONES[status]} data-testid={testId}>
      {overdue && overdueLabel ? overdueLabel : t(`requirementStatus.${status}`)}
    </Badge>
  );
}

/** A scheduled payment's status; partners read the partner wording ("Scheduled", "Approved for payment"). */
export function PaymentStatusBadge({
  status,
  audience = "staff",
}: {
  status: PaymentStatus;
  audience?: "staff" | "partner";
}) {
  const staff = useTranslations("grants");
  const partner = useTranslations("partner");
  const label =
    audience === "partner" && status !== "paid" && status !== "cancelled"
      ? partner(`paymentStatus.${status}`)
      : staff(`paymentStatus.${status}`);
  return <Badge tone={PAYMENT_STATUS_TONES[status]}>{label}</Badge>;
}

/** An account's or membership's state. */
export function ActiveBadge({
  active,
  labels,
  testId,
}: {
  active: boolean;
  labels: { active: string; inactive: string };
  testId?: string;
}) {
  return (
    <Badge tone={active ? "success" : "danger"} data-testid={testId}>
      {active ? labels.active : labels.inactive}
    </Badge>
  );
}
