import { localized } from "@portal/domain";
import { CardContent, ProvenanceBadge, SectionCard, SectionEmpty } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { StandingBadge } from "@/components/treaty/standing-badge";
import type { ConferenceView } from "./conference-view";

/** Who hosted the conference: states (with their treaty standing at the start), then organisations. */
export function CoHostsCard({ conference }: { conference: ConferenceView }) {
  const t = useTranslations("conferences");
  const locale = useLocale();
  return (
    <SectionCard title={t("coHostsTitle")} testId="co-hosts">
      {conference.coHosts.length === 0 ? (
        <SectionEmpty>{t("coHostsNone")}</SectionEmpty>
      ) : (
        <CardContent>
          <ul className="flex flex-col gap-2">
            {conference.coHosts.map((host) => (
              <li key={host.id} className="flex flex-wrap items-center gap-2">
                {host.state ? (
                  <>
                    <span className="font-medium">{localized(host.state, "name", locale)}</span>
                    <StandingBadge standing={host.state.standing} />
                  </>
                ) : (
                  <span className="font-medium">
                    {localized(host.organisation, "name", locale)}
                    {host.organisation.acronym ? ` (${host.organisation.acronym})` : ""}
                  </span>
                )}
                <ProvenanceBadge provenance={host.provenance} />
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </SectionCard>
  );
}
