import { fiscalYearLabel, localized } from "@portal/domain";
import { CardContent, Money, SectionCard } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { ConferenceView } from "./conference-view";

/** How the ministry paid for the conference (staff only): a direct cost on an allocation, a grant, or nothing. */
export function FundingCard({ funding }: { funding: NonNullable<ConferenceView["funding"]> }) {
  const t = useTranslations("conferences");
  const locale = useLocale();
  return (
    <SectionCard title={t("fundingTitle")} testId="funding">
      <CardContent className="flex flex-col gap-1 text-sm">
        {funding.kind === "direct" ? (
          <>
            <p className="text-2xl font-semibold tabular-nums" data-testid="direct-cost">
              <Money amount={funding.amount} currency={funding.currency} locale={locale} />
            </p>
            <p>
              {t("fundingDirect", {
                programme: `${funding.allocation.programme.code} (${localized(funding.allocation.programme, "name", locale)})`,
                fy: fiscalYearLabel(funding.allocation.fiscalYear),
              })}
            </p>
            <p className="text-muted-foreground">{t("fundingDirectNote")}</p>
          </>
        ) : funding.kind === "grant" ? (
          <p>
            <Link href={`/grants/${funding.grant.id}`} className="link">
              {t("fundingGrant", { reference: funding.grant.reference })}
            </Link>{" "}
            — {localized(funding.grant, "title", locale)} ·{" "}
            <Money amount={funding.grant.totalAmount} currency={funding.grant.currency} locale={locale} />
          </p>
        ) : (
          <p className="text-muted-foreground">{t("fundingNone")}</p>
        )}
      </CardContent>
    </SectionCard>
  );
}
