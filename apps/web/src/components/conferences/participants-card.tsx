import { localized } from "@portal/domain";
import {
  Badge,
  formatIsoDate,
  IsoDate,
  ProvenanceBadge,
  SectionCard,
  SectionEmpty,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StandingBadge } from "@/components/treaty/standing-badge";
import type { ConferenceView } from "./conference-view";

/** The participating states, each with its treaty standing on the first day and whether it joined within the window. */
export function ParticipantsCard({ conference }: { conference: ConferenceView }) {
  const t = useTranslations("conferences");
  const tt = useTranslations("treaty");
  const locale = useLocale();
  const start = formatIsoDate(useFormatter(), conference.startsOn);
  return (
    <SectionCard
      title={t("participantsTitle")}
      description={t("participantsDescription", { date: start })}
      testId="participants"
    >
      {conference.participants.length === 0 ? (
        <SectionEmpty>{t("participantsNone")}</SectionEmpty>
      ) : (
        <Table data-testid="participants-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("state")}</TableHead>
              <TableHead>{t("standingAt", { date: start })}</TableHead>
              <TableHead>{t("deposited")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("joinedWithin")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {conference.participants.map((p) => (
              <TableRow key={p.iso2} data-testid={`participant-${p.iso2}`}>
                <TableCell>
                  <span className="font-medium">{localized(p, "name", locale)}</span>
                  {p.coHost ? (
                    <Badge tone="info" className="ml-2">
                      {t("coHost")}
                    </Badge>
                  ) : null}
                  <div className="mt-1">
                    <ProvenanceBadge provenance={p.provenance} />
                  </div>
                </TableCell>
                <TableCell>
                  <StandingBadge standing={p.standing} />
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {p.depositedOn ? (
                    <>
                      <IsoDate value={p.depositedOn} />
                      {p.joinMethod ? (
                        <div className="text-xs text-muted-foreground">{tt(`method.${p.joinMethod}`)}</div>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell>{p.joinedWithinWindow ? <Badge tone="success">{t("joinedWithin")}</Badge> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
