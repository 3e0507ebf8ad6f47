import { Badge, type BadgeTone } from "@portal/ui";
import type { GrantStatus } from "@portal/domain";
import { useTranslations } from "next-intl";

const TONES: Record<GrantStatus, BadgeTone> = {
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

/** Officers see the internal status; partners see the simpler partner-facing label. */
export function GrantStatusBadge({ status, audience }: { status: GrantStatus; audience: "staff" | "partner" }) {
  const t = useTranslations(audience === "partner" ? "partnerGrantStatus" : "grantStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
