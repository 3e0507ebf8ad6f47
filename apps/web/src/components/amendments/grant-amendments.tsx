import { CardContent, SectionCard } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import { getApi } from "@/server/caller";
import { AmendmentHistory } from "./amendment-history";
import { ProposeAmendmentForm } from "./propose-amendment-form";

/**
 * The grant's amendments: the numbered history (before and after of every field), a pending proposal with the
 * decisions this person may take, and the form to propose one. What each reader sees is the service's choice
 * (partners only approved amendments, without officers' names).
 */
export async function GrantAmendments({ grantId }: { grantId: string }) {
  const [api, t] = await Promise.all([getApi(), getTranslations("amendments")]);
  const history = await api.amendments.forGrant({ grantId });
  if (history.amendments.length === 0 && !history.proposal) return null;
  return (
    <SectionCard anchor="amendments" title={t("title")} description={t("description")}>
      {history.amendments.length === 0 ? (
        <CardContent className="text-sm text-muted-foreground">{t("none")}</CardContent>
      ) : (
        <AmendmentHistory amendments={history.amendments} currency={history.currency} />
      )}
      {history.proposal ? (
        <CardContent className="border-t border-border">
          <ProposeAmendmentForm grantId={grantId} currency={history.currency} current={history.proposal} />
        </CardContent>
      ) : null}
    </SectionCard>
  );
}
