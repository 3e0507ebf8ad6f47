import { allocations, type DbOrTx, programmes } from "@portal/db";
import { fiscalYearBounds, fiscalYearLabel } from "@portal/domain";
import { asc, eq, or } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";

export interface YearFigures {
  fiscalYear: number;
  label: string;
  /** The year's allocations: the plan. */
  allocated: number;
  committed: number;
  disbursed: number;
  available: number;
}

const sum = (rows: readonly Omit<YearFigures, "label" | "available">[]) =>
  rows.reduce(
    (acc, r) => ({
      allocated: acc.allocated + r.allocated,
      committed: acc.committed + r.committed,
      disbursed: acc.disbursed + r.disbursed,
    }),
    { allocated: 0, committed: 0, disbursed: 0 },
  );

/** A fiscal year that overlaps the period [startsOn, endsOn] (either end open when null). */
function withinPeriod(fiscalYear: number, startsOn: string | null, endsOn: string | null): boolean {
  const year = fiscalYearBounds(fiscalYear);
  return (startsOn === null || year.endsOn >= startsOn) && (endsOn === null || year.startsOn <= endsOn);
}

/**
 * A programme over the years: per fiscal year what was allocated (the plan), committed and disbursed, for the
 * programme itself or, for a fund, summed over its sub-programmes (each also shown on its own); with the envelope
 * announced for it, when there is one, against the sum of its allocations.
 */
export async function programmeBudget(db: DbOrTx, actor: Actor, programmeId: string) {
  requireCapability(actor, "budgets.review");
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!programme) throw refusal("NOT_FOUND", "noSuchProgramme");
  const rows = await db
    .select({
      programmeId: programmes.id,
      code: programmes.code,
      nameEn: programmes.nameEn,
      nameFr: programmes.nameFr,
      allocationId: allocations.id,
      fiscalYear: allocations.fiscalYear,
      allocated: allocations.amount,
      committed: allocations.committed,
      disbursed: allocations.disbursed,
    })
    .from(programmes)
    .leftJoin(allocations, eq(allocations.programmeId, programmes.id))
    .where(or(eq(programmes.id, programmeId), eq(programmes.parentId, programmeId)))
    .orderBy(asc(programmes.code), asc(allocations.fiscalYear));

  const funded = rows.filter((r) => r.allocationId !== null) as ((typeof rows)[number] & {
    allocationId: string;
    fiscalYear: number;
    allocated: number;
    committed: number;
    disbursed: number;
  })[];
  const years = [...new Set(funded.map((r) => r.fiscalYear))].sort((a, b) => a - b);
  const figures = (subset: typeof funded): YearFigures[] =>
    years.map((fiscalYear) => {
      const total = sum(subset.filter((r) => r.fiscalYear === fiscalYear));
      return { fiscalYear, label: fiscalYearLabel(fiscalYear), ...total, available: total.allocated - total.committed };
    });
  const totals = sum(funded);
  const children = [
    ...new Map(rows.filter((r) => r.programmeId !== programmeId).map((r) => [r.programmeId, r])).values(),
  ];

  return {
    programme: {
      id: programme.id,
      code: programme.code,
      nameEn: programme.nameEn,
      nameFr: programme.nameFr,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      envelopeAmount: programme.envelopeAmount,
      provenance: programme.provenance,
    },
    years: figures(funded),
    totals: { ...totals, available: totals.allocated - totals.committed },
    /**
     * What of the announced envelope no fiscal year has been allocated yet (negative: allocated beyond it). Only the
     * years the envelope covers draw on it: the Fund's C$100M (1997-12 to 2003-03) is not spent by a 2026 budget.
     */
    envelopeUnallocated:
      programme.envelopeAmount === null
        ? null
        : programme.envelopeAmount -
          sum(funded.filter((r) => withinPeriod(r.fiscalYear, programme.startsOn, programme.endsOn))).allocated,
    children: children.map((child) => ({
      id: child.programmeId,
      code: child.code,
      nameEn: child.nameEn,
      nameFr: child.nameFr,
      years: figures(funded.filter((r) => r.programmeId === child.programmeId)),
    })),
  };
}
