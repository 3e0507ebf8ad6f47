import { z } from "zod";
import { isIsoDate, parseFiscalYear } from "../fiscal-year";

export const uuid = z.uuid({ error: "Not a valid identifier." });

export const isoDate = z.string().refine(isIsoDate, { error: "Enter a date as YYYY-MM-DD." });

/** Accepts 2001 or "2001-2002" (as in a URL) and yields the start year. */
export const fiscalYear = z.union([z.number().int(), z.string()]).transform((value, ctx) => {
  const start = typeof value === "number" ? value : parseFiscalYear(value);
  if (start === null || start < 1990 || start > 2100) {
    ctx.addIssue({ code: "custom", message: "Enter a fiscal year such as 2001-2002." });
    return z.NEVER;
  }
  return start;
});

/** Money in minor units: a whole, positive number of cents. */
export const positiveMinorUnits = z
  .number({ error: "Enter an amount." })
  .int({ error: "Amounts are whole cents." })
  .positive({ error: "The amount must be more than zero." })
  .max(Number.MAX_SAFE_INTEGER, { error: "The amount is too large." });

export const paging = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
