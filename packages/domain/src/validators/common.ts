import { z } from "zod";
import { msg, validationMessage } from "./messages";
import { isIsoDate, parseFiscalYear } from "../fiscal-year";

export const uuid = z.uuid({ ...msg("notAValidIdentifier") });

/**
 * The dates the portal works with: from the first fiscal year it keeps (1990-1991, from 1 April 1990) to the end of
 * 2100. Fiscal-year rows are created for payment dates (1990..2100 by a CHECK), so nothing outside can be stored.
 */
export const SUPPORTED_DATES = { first: "1990-04-01", last: "2100-12-31" } as const;

export const isoDate = z
  .string({ ...msg("enterADateAsYyyyMmDd") })
  .max(10, { ...msg("enterADateAsYyyyMmDd") })
  .refine(isIsoDate, { ...msg("enterADateAsYyyyMmDd") })
  .refine((date) => date >= SUPPORTED_DATES.first && date <= SUPPORTED_DATES.last, {
    ...msg("dateOutOfRange", { first: SUPPORTED_DATES.first, last: SUPPORTED_DATES.last }),
  });

/** Accepts 2001 or "2001-2002" (as in a URL) and yields the start year. */
export const fiscalYear = z.union([z.number().int(), z.string().max(20)]).transform((value, ctx) => {
  const start = typeof value === "number" ? value : parseFiscalYear(value);
  if (start === null || start < 1990 || start > 2100) {
    ctx.addIssue({ code: "custom", message: validationMessage("enterAFiscalYearSuchAs2001") });
    return z.NEVER;
  }
  return start;
});

/**
 * The largest amount any one figure may hold: one hundred billion dollars in cents (10^13). Fifty components at that
 * size still add up to far less than Number.MAX_SAFE_INTEGER, so sums stay exact.
 */
export const MAX_MINOR_UNITS = 10_000_000_000_000;

/** Money in minor units: a whole, positive number of cents, bounded. */
export const positiveMinorUnits = z
  .number({ ...msg("enterAnAmount") })
  .int({ ...msg("amountsAreWholeCents") })
  .positive({ ...msg("theAmountMustBeMoreThanZero") })
  .max(MAX_MINOR_UNITS, { ...msg("theAmountIsTooLarge") });

/** An optimistic-locking version (an integer column). */
export const version = z
  .number({ ...msg("reloadThePageAndTryAgain") })
  .int()
  .positive()
  .max(2_147_483_647, { ...msg("reloadThePageAndTryAgain") });

export const MAX_PAGE = 100_000;

export const paging = z.object({
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
