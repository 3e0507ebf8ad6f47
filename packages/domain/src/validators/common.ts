import { z } from "zod";
import { isIsoDate, parseFiscalYear } from "../fiscal-year";

export const uuid = z.uuid({ error: "Not a valid identifier." });

/**
 * The dates the portal works with: from the first fiscal year it keeps (1990-1991, from 1 April 1990) to the end of
 * 2100. Fiscal-year rows are created for payment dates (1990..2100 by a CHECK), so nothing outside can be stored.
 */
export const SUPPORTED_DATES = { first: "1990-04-01", last: "2100-12-31" } as const;

export const isoDate = z
  .string({ error: "Enter a date as YYYY-MM-DD." })
  .max(10, { error: "Enter a date as YYYY-MM-DD." })
  .refine(isIsoDate, { error: "Enter a date as YYYY-MM-DD." })
  .refine((date) => date >= SUPPORTED_DATES.first && date <= SUPPORTED_DATES.last, {
    error: `Enter a date between ${SUPPORTED_DATES.first} and ${SUPPORTED_DATES.last}.`,
  });

/** Accepts 2001 or "2001-2002" (as in a URL) and yields the start year. */
export const fiscalYear = z.union([z.number().int(), z.string().max(20)]).transform((value, ctx) => {
  const start = typeof value === "number" ? value : parseFiscalYear(value);
  if (start === null || start < 1990 || start > 2100) {
    ctx.addIssue({ code: "custom", message: "Enter a fiscal year such as 2001-2002." });
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
  .number({ error: "Enter an amount." })
  .int({ error: "Amounts are whole cents." })
  .positive({ error: "The amount must be more than zero." })
  .max(MAX_MINOR_UNITS, { error: "The amount is too large." });

/** An optimistic-locking version (an integer column). */
export const version = z
  .number({ error: "Reload the page and try again." })
  .int()
  .positive()
  .max(2_147_483_647, { error: "Reload the page and try again." });

export const MAX_PAGE = 100_000;

export const paging = z.object({
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
