import { type AnnualReportInput, annualReportInput } from "@portal/domain";

/** The founding document's year: the report opens on FY 2001-2002 unless another is asked for. */
export const DEFAULT_REPORT_YEAR = 2001;

export type AnnualReportSearch = { fy?: string; on?: string; from?: string; to?: string };

/**
 * The report's periods from the address (?fy=2001&on=2002-11-30&from=2001-05-01&to=2002-07-31). A value that does not
 * parse is dropped, so the period falls back to its default rather than failing the page.
 */
export function annualReportQuery(params: AnnualReportSearch): AnnualReportInput {
  const candidate = {
    fiscalYear: Number.parseInt(params.fy ?? "", 10) || DEFAULT_REPORT_YEAR,
    reportDate: params.on || undefined,
    monitorFrom: params.from || undefined,
    monitorTo: params.to || undefined,
  };
  const parsed = annualReportInput.safeParse(candidate);
  return parsed.success
    ? parsed.data
    : {
        fiscalYear: annualReportInput.safeParse({ fiscalYear: candidate.fiscalYear }).success
          ? candidate.fiscalYear
          : DEFAULT_REPORT_YEAR,
      };
}

export function annualReportSearch(input: AnnualReportInput): string {
  const query = new URLSearchParams({ fy: String(input.fiscalYear) });
  if (input.reportDate) query.set("on", input.reportDate);
  if (input.monitorFrom) query.set("from", input.monitorFrom);
  if (input.monitorTo) query.set("to", input.monitorTo);
  return query.toString();
}
