import { allocations, type DbOrTx, fiscalYears, programmes } from "@portal/db";
import { fiscalYearLabel } from "@portal/domain";
import { asc, desc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/**
 * What the admin's budget administration page lays out: programmes as a tree (funds first, then their programmes),
 * the open fiscal years, and every allocation with what is committed on it (the floor of any adjustment).
 */
export async function budgetAdministrationOverview(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "budgets.manage");
  const [allProgrammes, years, allAllocations] = await Promise.all([
    db.select().from(programmes).orderBy(asc(programmes.code)),
    db.select().from(fiscalYears).orderBy(desc(fiscalYears.startYear)),
    db
      .select({
        id: allocations.id,
        programmeId: allocations.programmeId,
        programme: programmes.code,
        fiscalYear: allocations.fiscalYear,
        amount: allocations.amount,
        committed: allocations.committed,
        disbursed: allocations.disbursed,
        provenance: allocations.provenance,
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .orderBy(desc(allocations.fiscalYear), asc(programmes.code)),
  ]);
  const parents = new Set(allProgrammes.map((p) => p.parentId).filter((id): id is string => id !== null));
  const funds = allProgrammes.filter((p) => p.parentId === null);
  return {
    programmes: funds.flatMap((fund) => [
      { ...fund, depth: 0, holdsAllocations: !parents.has(fund.id) },
      ...allProgrammes.filter((p) => p.parentId === fund.id).map((p) => ({ ...p, depth: 1, holdsAllocations: true })),
    ]),
    fiscalYears: years.map((y) => ({ startYear: y.startYear, label: y.label })),
    nextFiscalYear: (years[0]?.startYear ?? new Date().getFullYear()) + 1,
    allocations: allAllocations.map((a) => ({
      ...a,
      label: `${a.programme} FY ${fiscalYearLabel(a.fiscalYear)}`,
      available: a.amount - a.committed,
    })),
  };
}
