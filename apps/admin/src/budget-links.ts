import { fiscalYearLabel } from "@portal/domain";

/** Links to the figures behind a budget number; the filters live in the URL so a drill-down can be shared. */
export interface DrilldownQuery {
  partner?: string;
  /** "2001-Q3" */
  quarter?: string;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function allocationHref(allocationId: string, filters: DrilldownQuery = {}): string {
  return `/budgets/${allocationId}${query({ partner: filters.partner, quarter: filters.quarter })}`;
}

export function breakdownHref(fiscalYear: number, filters: DrilldownQuery = {}): string {
  return `/budgets/breakdown${query({ fy: fiscalYearLabel(fiscalYear), partner: filters.partner, quarter: filters.quarter })}`;
}

export function budgetsHref(fiscalYear: number): string {
  return `/budgets?fy=${fiscalYearLabel(fiscalYear)}`;
}

/** "2001-Q3" for the third quarter of FY 2001-2002. */
export const periodOf = (fiscalYear: number, quarter: number) => `${fiscalYear}-Q${quarter}`;

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
