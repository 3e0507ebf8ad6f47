import { z } from "zod";
import { msg } from "./messages";
import { isIsoDate } from "../fiscal-year";

const isoDate = (field: string) => z.string().refine(isIsoDate, msg("fieldDate", { label: field }));

/**
 * The annual report's three periods: money by fiscal year, treaty status at a report date, and the Landmine
 * Monitor's reporting period for stockpile destructions. Only the fiscal year is required; the others default to
 * the founding document's choices (for FY 2001-2002: 30 November 2002, May 2001 to July 2002).
 */
export const annualReportInput = z
  .object({
    fiscalYear: z.number().int().min(1990).max(2100),
    reportDate: isoDate("reportDate").optional(),
    monitorFrom: isoDate("monitorFrom").optional(),
    monitorTo: isoDate("monitorTo").optional(),
  })
  .refine((v) => !v.monitorFrom || !v.monitorTo || v.monitorFrom <= v.monitorTo, {
    ...msg("theMonitoringPeriodMustStartBeforeIt"),
    path: ["monitorTo"],
  });
export type AnnualReportInput = z.infer<typeof annualReportInput>;

/** The founding document's periods, carried to any fiscal year: the November after it ends, May to July. */
export function annualReportPeriods(input: AnnualReportInput) {
  const y = input.fiscalYear;
  return {
    fiscalYear: y,
    reportDate: input.reportDate ?? `${y + 1}-11-30`,
    monitorFrom: input.monitorFrom ?? `${y}-05-01`,
    monitorTo: input.monitorTo ?? `${y + 1}-07-31`,
  };
}
