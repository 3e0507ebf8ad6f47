import { type DbOrTx, fiscalYears } from "@portal/db";
import { fiscalQuarterOf, fiscalYearBounds, fiscalYearLabel, fiscalYearOf } from "@portal/domain";

/**
 * The fiscal year and quarter of a payment date, making sure the fiscal_years row the disbursement points at exists
 * (a payment may fall in a year nobody has budgeted yet; concurrent inserts of the same year are harmless).
 */
export async function fiscalPeriodOf(
  tx: DbOrTx,
  paidOn: string,
): Promise<{ fiscalYear: number; fiscalQuarter: 1 | 2 | 3 | 4 }> {
  const fiscalYear = fiscalYearOf(paidOn);
  await tx
    .insert(fiscalYears)
    .values({ startYear: fiscalYear, label: fiscalYearLabel(fiscalYear), ...fiscalYearBounds(fiscalYear) })
    .onConflictDoNothing();
  return { fiscalYear, fiscalQuarter: fiscalQuarterOf(paidOn) };
}
