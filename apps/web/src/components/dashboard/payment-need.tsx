import type { PaymentBlock } from "@portal/domain";
import { Badge } from "@portal/ui";
import { getTranslations } from "next-intl/server";

/** What a listed instalment needs next, as the service's payment rule said: a badge, and what blocks it if anything. */
export async function PaymentNeed({
  needs,
  blockedBy,
}: {
  needs: "approval" | "secondApproval" | "payment" | "blocked";
  blockedBy: PaymentBlock | null;
}) {
  const [t, tr] = await Promise.all([getTranslations("dashboard"), getTranslations("ledgerRules")]);
  if (needs === "blocked") {
    return (
      <div className="flex flex-col gap-1">
        <Badge tone="warning">{tr("dashboardBlocked")}</Badge>
        {blockedBy ? <span className="text-xs text-muted-foreground">{tr(`blocked.${blockedBy}`)}</span> : null}
      </div>
    );
  }
  return (
    <Badge tone={needs === "payment" ? "success" : needs === "approval" ? "info" : "neutral"}>
      {t(`needs.${needs}`)}
    </Badge>
  );
}
