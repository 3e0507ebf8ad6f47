import { reportDate, reportSections } from "@portal/api/services";
import { Button, PageHeader, PageSection, ProvenanceBadge } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import "@/components/annual-report/annual-report-print.css";
import { PrintButton } from "@/components/annual-report/print-button";
import { ReportPeriodsForm } from "@/components/annual-report/report-periods-form";
import {
  type AnnualReportSearch,
  annualReportQuery,
  annualReportSearch,
} from "@/components/annual-report/search-params";
import { getApi } from "@/server/caller";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("annualReport") };
}

/** The annual report for a fiscal year, written from the data; each sentence links the records behind it. */
export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<AnnualReportSearch> }) {
  await requireCapability("grants.view.all");
  const input = annualReportQuery(await searchParams);
  const [api, t, locale] = await Promise.all([getApi(), getTranslations("annualReport"), getLocale()]);
  const report = await api.annualReport.byFiscalYear(input);
  const lang = locale === "fr" ? "fr" : "en";
  const sections = reportSections(report, lang, (key, values) => t(key as never, values as never));
  const { periods } = report;
  return (
    <div className="flex flex-col gap-6" data-report>
      <PageHeader
        title={t("title", { fiscalYear: periods.fiscalYearLabel })}
        description={t("description", {
          fiscalYear: periods.fiscalYearLabel,
          reportDate: reportDate(periods.reportDate, lang),
          monitorFrom: reportDate(periods.monitorFrom, lang),
          monitorTo: reportDate(periods.monitorTo, lang),
        })}
        actions={
          <div className="flex gap-2" data-print="hide">
            <PrintButton label={t("print")} />
            <Button asChild>
              <a href={`/api/annual-report?${annualReportSearch(input)}`} data-testid="report-pdf" download>
                {t("downloadPdf")}
              </a>
            </Button>
          </div>
        }
      />
      <ReportPeriodsForm
        periods={[
          ["fy", "fiscalYear", "number", String(periods.fiscalYear)],
          ["on", "reportDate", "date", periods.reportDate],
          ["from", "monitorFrom", "date", periods.monitorFrom],
          ["to", "monitorTo", "date", periods.monitorTo],
        ]}
      />
      {sections.map((section) => (
        <PageSection key={section.id} title={section.title} testId={`report-${section.id}`}>
          <div className="flex flex-col gap-3">
            {section.paragraphs.map((paragraph) => (
              <div key={paragraph.id} className="flex flex-col gap-1">
                <p className="max-w-3xl leading-relaxed" data-testid={`report-${section.id}-${paragraph.id}`}>
                  {paragraph.text}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  {paragraph.illustrative ? <ProvenanceBadge provenance="illustrative" /> : null}
                  {paragraph.links.length > 0 ? <span>{t("records")}:</span> : null}
                  {paragraph.links.map((link) => (
                    <a key={link.href} href={link.href} className="text-primary hover:underline">
                      {link.label}
                    </a>
                  ))}
                </p>
              </div>
            ))}
          </div>
        </PageSection>
      ))}
    </div>
  );
}
