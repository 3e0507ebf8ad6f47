import { annualReport, annualReportPdf } from "@portal/api/services";
import { downloadResponse } from "@portal/api/http";
import { getTranslations } from "next-intl/server";
import { annualReportQuery } from "@/components/annual-report/search-params";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/** The annual report as a PDF drawn on the server, in the reader's language, for the periods in the address. */
export const GET = http.route(
  async ({ ctx, url }) => {
    const input = annualReportQuery(Object.fromEntries(url.searchParams));
    const [report, t] = await Promise.all([
      annualReport(ctx.db, ctx.actor, input), // refuses readers without grants.view.all
      getTranslations({ locale: ctx.locale, namespace: "annualReport" }),
    ]);
    const pdf = await annualReportPdf(report, ctx.locale, (key, values) => t(key as never, values as never));
    return downloadResponse({
      fileName: `annual-report-${report.periods.fiscalYearLabel}-${ctx.locale}.pdf`,
      contentType: "application/pdf",
      content: new Uint8Array(pdf),
    });
  },
  { name: "annual-report.pdf" },
);
