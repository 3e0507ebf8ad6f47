import {
  Badge,
  EmptyState,
  PageHeader,
  ProvenanceBadge,
  SectionCard,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminIati");
  return { title: t("title") };
}

/** What is published to IATI and when it last changed; the public files live on the portal. */
export default async function IatiPublicationPage() {
  const [api, t, format, locale] = await Promise.all([
    getApi(),
    getTranslations("adminIati"),
    getFormatter(),
    getLocale(),
  ]);
  const overview = await api.iati.publications();
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const portal = process.env.PORTAL_URL?.replace(/\/+$/, "") ?? "";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {overview.lastChangedAt ? (
        <p className="text-sm" data-testid="iati-last-changed">
          {t("lastChanged", { date: when(overview.lastChangedAt) })}
        </p>
      ) : null}
      <p className="flex flex-wrap gap-4 text-sm">
        <a className="text-primary hover:underline" href={`${portal}/api/iati/activities`}>
          {t("activitiesFile")}
        </a>
        <a className="text-primary hover:underline" href={`${portal}/api/iati/organisation`}>
          {t("organisationFile")}
        </a>
      </p>
      <SectionCard title={t("title")}>
        {overview.rows.length === 0 ? (
          <EmptyState title={t("nothing")} />
        ) : (
          <Table data-testid="iati-publications">
            <TableHeader>
              <TableRow>
                <TableHead>{t("reference")}</TableHead>
                <TableHead>{t("identifier")}</TableHead>
                <TableHead>{t("firstPublishedAt")}</TableHead>
                <TableHead>{t("publishedAt")}</TableHead>
                <TableHead>{t("publishedBy")}</TableHead>
                <TableHead>{t("changedAt")}</TableHead>
                <TableHead>{t("state")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.rows.map((row) => (
                <TableRow key={row.grantId}>
                  <TableCell>
                    <div className="font-medium">{row.reference}</div>
                    <div className="text-xs text-muted-foreground">{locale === "fr" ? row.title.fr : row.title.en}</div>
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{row.identifier}</code>
                  </TableCell>
                  <TableCell>{when(row.firstPublishedAt)}</TableCell>
                  <TableCell>{when(row.publishedAt)}</TableCell>
                  <TableCell>{row.publishedByName ?? "—"}</TableCell>
                  <TableCell>{when(row.lastChangedAt)}</TableCell>
                  <TableCell>
                    {row.problems.length > 0 ? (
                      <div>
                        <Badge tone="danger">{t("heldBack")}</Badge>
                        <ul className="mt-1 list-disc pl-4 text-xs">
                          {row.problems.map((problem, index) => (
                            <li key={index}>{locale === "fr" ? problem.fr : problem.en}</li>
                          ))}
                        </ul>
                      </div>
                    ) : row.illustrative ? (
                      <span className="flex flex-wrap items-center gap-2 text-xs">
                        <ProvenanceBadge provenance="illustrative" />
                        {t("illustrativeOnly")}
                      </span>
                    ) : (
                      <Badge tone="success">{t("served")}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>
    </div>
  );
}
