import { annualReport, annualReportPdf } from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { can } from "@portal/domain";
import { getTranslations } from "next-intl/server";
import { annualReportQuery } from "@/components/annual-report/search-params";
import { plainError, requestActor } from "../exports/_lib/request";

export const dynamic = "force-dynamic";

/** The annual report as a PDF drawn on the server, in the reader's language, for the periods in the address. */
export async function GET(request: Request) {
  const { actor, locale } = await requestActor(request);
  if (!actor) return plainError(401, "Please sign in.");
  const url = new URL(request.url);
  const input = annualReportQuery(Object.fromEntries(url.searchParams));
  if (!can(actor.role, "grants.view.all")) return plainError(403, "You do not have permission to do this.");
  const [report, t] = await Promise.all([
    annualReport(getDb(), actor, input),
    getTranslations({ locale, namespace: "annualReport" }),
  ]);
  const pdf = await annualReportPdf(report, locale, (key, values) => t(key as never, values as never));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="annual-report-${report.periods.fiscalYearLabel}-${locale}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
