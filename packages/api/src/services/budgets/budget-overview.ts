import { allocations, type DbOrTx, fiscalYears, preparedRead, programmes } from "@portal/db";
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

export interface BudgetLine {
  allocationId: string;
  programme: { id: string; code: string; nameEn: string; nameFr: string; parentCode: string | null };
  allocated: number;
  committed: number;
  disbursed: number;
  available: number;
  currency: string;
  provenance: (typeof allocations.provenance.enumValues)[number];
}

const parent = alias(programmes, "parent");
const overviewRows = preparedRead((db) =>
  db
    .select({
      allocationId: allocations.id,
      programme: {
        id: programmes.id,
        code: programmes.code,
        nameEn: programmes.nameEn,
        nameFr: programmes.nameFr,
        parentCode: parent.code,
      },
      allocated: allocations.amount,
      committed: allocations.committed,
      disbursed: allocations.disbursed,
      currency: allocations.currency,
      provenance: allocations.provenance,
    })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .leftJoin(parent, eq(parent.id, programmes.parentId))
    .where(eq(allocations.fiscalYear, sql.placeholder("fiscalYear")))
    .orderBy(asc(programmes.code))
    .prepare("budget_overview"),
);

/** Budget per programme for one fiscal year: allocated, committed, disbursed and available (allocated - committed). */
export async function budgetOverview(db: DbOrTx, fiscalYear: number) {
  const rows = await overviewRows(db).execute({ fiscalYear });
  const lines: BudgetLine[] = rows.map((row) => ({ ...row, available: row.allocated - row.committed }));
  const totals = lines.reduce(
    (acc, line) => ({
      allocated: acc.allocated + line.allocated,
      committed: acc.committed + line.committed,
      disbursed: acc.disbursed + line.disbursed,
      available: acc.available + line.available,
    }),
    { allocated: 0, committed: 0, disbursed: 0, available: 0 },
  );
  return { fiscalYear, lines, totals };
}

/** Fiscal years that have at least one allocation, newest first. */
export async function fiscalYearsWithBudgets(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ startYear: fiscalYears.startYear })
    .from(fiscalYears)
    .innerJoin(allocations, eq(allocations.fiscalYear, fiscalYears.startYear))
    .orderBy(asc(fiscalYears.startYear));
  return rows.map((r) => r.startYear).reverse();
}
