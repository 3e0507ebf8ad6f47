import { CardContent, ProvenanceBadge, SectionCard } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PublishButton } from "./publish-button";

interface IatiStatus {
  canPublish: boolean;
  identifier: string | null;
  illustrative: boolean;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  problems: { rule: string; message: { en: string; fr: string }; detail?: string }[];
  xml: string | null;
}

/** The grant's IATI section: identifier, publication state, problems that would stop publication, the XML itself. */
export async function IatiPublication({ grantId, status }: { grantId: string; status: IatiStatus }) {
  const [t, format, locale] = await Promise.all([getTranslations("iati"), getFormatter(), getLocale()]);
  const language = locale === "fr" ? "fr" : "en";
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return (
    <SectionCard title={t("title")} description={t("description")} testId="iati-publication">
      <CardContent className="flex flex-col gap-3 text-sm">
        {status.identifier ? (
          <p>
            <span className="text-muted-foreground">{t("identifier")}:</span>{" "}
            <code data-testid="iati-identifier">{status.identifier}</code>
          </p>
        ) : null}
        <p data-testid="iati-state">
          {status.publishedAt
            ? `${t("published", { date: when(status.publishedAt) })}${
                status.firstPublishedAt && status.firstPublishedAt.getTime() !== status.publishedAt.getTime()
                  ? ` (${t("firstPublished", { date: when(status.firstPublishedAt) })})`
                  : ""
              }`
            : t("notPublished")}
        </p>
        {status.illustrative ? (
          <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
            <ProvenanceBadge provenance="illustrative" />
            {t("illustrative")}
          </p>
        ) : null}
        {status.problems.length > 0 ? (
          <div data-testid="iati-problems">
            <p className="font-medium text-destructive">{t("problems")}</p>
            <ul className="list-disc pl-5">
              {status.problems.map((problem, index) => (
                <li key={index}>
                  {problem.message[language]}
                  {problem.detail ? (
                    <details className="text-xs text-muted-foreground">
                      <summary className="cursor-pointer">{t("validatorSaid")}</summary>
                      {/* libxml2 writes in English: marked so, for screen readers' pronunciation. */}
                      <code lang="en" className="break-words">
                        {problem.detail}
                      </code>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : status.xml ? (
          <p className="text-muted-foreground">{t("valid")}</p>
        ) : null}
        {status.canPublish ? <PublishButton grantId={grantId} published={status.publishedAt !== null} /> : null}
        {status.xml ? (
          <details>
            <summary className="cursor-pointer text-primary">{t("showXml")}</summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-muted p-3 text-xs">{status.xml}</pre>
          </details>
        ) : null}
        <p>
          <a href="/api/iati/activities" className="text-primary hover:underline">
            {t("publicFile")}
          </a>
        </p>
      </CardContent>
    </SectionCard>
  );
}
