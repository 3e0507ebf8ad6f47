import { localized } from "@portal/domain";
import { CardContent, formatIsoDate, ProvenanceBadge, SectionCard } from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { OrganisationView } from "./organisation-view";
import { PartnershipForm } from "./partnership-form";

/** The organisation's partnership with the ministry, and the form to set it for those who may. */
export function PartnershipCard({ org }: { org: OrganisationView }) {
  const t = useTranslations("organisations");
  const locale = useLocale();
  const format = useFormatter();
  const { partnership } = org;
  const description = partnership ? localized(partnership, "description", locale) : "";
  return (
    <SectionCard title={t("partnershipTitle")} testId="partnership">
      <CardContent className="flex flex-col gap-3 text-sm">
        {partnership ? (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(`kind.${partnership.kind}`)}</span>
              <span className="text-muted-foreground">
                {partnership.since
                  ? t("sinceValue", { date: formatIsoDate(format, partnership.since) })
                  : t("sinceUnknown")}
              </span>
              <ProvenanceBadge provenance={partnership.provenance} />
            </p>
            {description ? <p className="leading-relaxed">{description}</p> : null}
          </>
        ) : (
          <p className="text-muted-foreground">{t("partnershipNone")}</p>
        )}
        {org.permissions.managePartnership ? (
          <div>
            <PartnershipForm
              organisationId={org.id}
              initial={
                partnership
                  ? {
                      kind: partnership.kind,
                      since: partnership.since,
                      descriptionEn: partnership.descriptionEn,
                      descriptionFr: partnership.descriptionFr,
                    }
                  : null
              }
            />
          </div>
        ) : null}
      </CardContent>
    </SectionCard>
  );
}
