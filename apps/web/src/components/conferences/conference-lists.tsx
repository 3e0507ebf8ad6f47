import { localized } from "@portal/domain";
import { CardContent, ProvenanceBadge, SectionCard, SectionEmpty } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ConferenceView } from "./conference-view";

/** A card listing some of the conference's parts, or saying there are none. */
function ListCard({
  title,
  testId,
  none,
  count,
  children,
}: {
  title: string;
  testId: string;
  none: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <SectionCard title={title} testId={testId}>
      {count === 0 ? <SectionEmpty>{none}</SectionEmpty> : <CardContent>{children}</CardContent>}
    </SectionCard>
  );
}

/** The conference's sessions, organisations, outcomes and documents, two by two. */
export function ConferenceLists({ conference }: { conference: ConferenceView }) {
  const t = useTranslations("conferences");
  const locale = useLocale();
  const { sessions, organisations, outcomes, documents } = conference;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ListCard title={t("sessionsTitle")} testId="sessions" none={t("sessionsNone")} count={sessions.length}>
        <ol className="flex flex-col gap-3">
          {sessions.map((s) => (
            <li key={s.id} className="text-sm">
              {localized(s, "theme", locale) ? (
                <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                  {localized(s, "theme", locale)}
                </div>
              ) : null}
              <div className="flex flex-wrap items-center gap-2">
                <span>{localized(s, "title", locale)}</span>
                <ProvenanceBadge provenance={s.provenance} />
              </div>
            </li>
          ))}
        </ol>
      </ListCard>

      <ListCard
        title={t("organisationsTitle")}
        testId="organisations"
        none={t("organisationsNone")}
        count={organisations.length}
      >
        <ul className="flex flex-col gap-2 text-sm">
          {organisations.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                {localized(o, "name", locale)}
                {o.acronym ? ` (${o.acronym})` : ""}
              </span>
              <span className="text-muted-foreground">
                {t(`role.${o.role === "co-host" ? "co-host" : "participant"}`)}
              </span>
              <ProvenanceBadge provenance={o.provenance} />
            </li>
          ))}
        </ul>
      </ListCard>

      <ListCard title={t("outcomesTitle")} testId="outcomes" none={t("outcomesNone")} count={outcomes.length}>
        <ul className="flex list-disc flex-col gap-2 pl-5 text-sm">
          {outcomes.map((o) => (
            <li key={o.id}>
              {localized(o, "text", locale)} <ProvenanceBadge provenance={o.provenance} />
            </li>
          ))}
        </ul>
      </ListCard>

      <ListCard title={t("documentsTitle")} testId="documents" none={t("documentsNone")} count={documents.length}>
        <ul className="flex flex-col gap-2 text-sm">
          {documents.map((d) => (
            <li key={d.id}>
              {d.url ? (
                <a href={d.url} className="link" rel="noreferrer">
                  {d.title}
                </a>
              ) : (
                d.title
              )}
            </li>
          ))}
        </ul>
      </ListCard>
    </div>
  );
}
