import { localized } from "@portal/domain";
import { Badge, CardContent, formatIsoDate, SectionCard } from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ConferenceView } from "./conference-view";

/** The conference's outcome measure: how many participating states not yet parties joined within the window. */
export function OutcomeCard({ conference }: { conference: ConferenceView }) {
  const t = useTranslations("conferences");
  const tt = useTranslations("treaty");
  const locale = useLocale();
  const format = useFormatter();
  const date = (iso: string) => formatIsoDate(format, iso);
  const { outcome } = conference;
  const counts = { joined: outcome.joined.length, notYet: outcome.notYetParties.length };
  return (
    <SectionCard
      title={t("outcomeTitle")}
      description={t("outcomeDescription", { months: outcome.windowMonths })}
      testId="outcome"
    >
      <CardContent className="flex flex-col gap-2 text-sm">
        {outcome.measure === "noStates" ? (
          <p className="text-muted-foreground">{t("outcomeNoStates")}</p>
        ) : outcome.measure === "allParties" ? (
          <p>{t("outcomeAllParties")}</p>
        ) : (
          <>
            <p className="text-3xl font-semibold tabular-nums" data-testid="outcome-value">
              {t("outcomeValue", counts)}
            </p>
            <p>
              {t("outcomeSummary", {
                ...counts,
                start: date(conference.startsOn),
                end: date(outcome.windowEndsOn),
              })}
            </p>
            {outcome.joinedStates.length > 0 ? (
              <ul className="list-disc pl-5">
                {outcome.joinedStates.map((s) => (
                  <li key={s.iso2}>
                    {t("outcomeJoined", {
                      state: localized(s, "name", locale),
                      method: s.joinMethod ? tt(`method.${s.joinMethod}`) : "",
                      date: s.depositedOn ? date(s.depositedOn) : "",
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
            {outcome.complete ? null : (
              <p>
                <Badge tone="warning">{t("outcomeOpen", { end: date(outcome.windowEndsOn) })}</Badge>
              </p>
            )}
          </>
        )}
      </CardContent>
    </SectionCard>
  );
}
