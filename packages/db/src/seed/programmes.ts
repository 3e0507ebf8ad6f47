import { fiscalYearBounds, fiscalYearLabel } from "@portal/domain";
import { inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { allocations, fiscalYears, programmes } from "../schema";
import { dollars } from "./amounts";
import { seedId } from "./ids";
import { insertNew, type SeedProvenance, type Written } from "./write";

/** From the Fund's first fiscal year to the end of its 2003-2008 renewal. */
const FIRST_FISCAL_YEAR = 1997;
const LAST_FISCAL_YEAR = 2007;

export type ProgrammeCode = "CLF" | "MAPP" | "MMP";

export const programmeId = (code: ProgrammeCode) => seedId(`programme:${code}`);
export const allocationId = (code: ProgrammeCode, fiscalYear: number) => seedId(`allocation:${code}:${fiscalYear}`);

const fiscalYearRow = (year: number): typeof fiscalYears.$inferInsert => ({
  startYear: year,
  label: fiscalYearLabel(year),
  ...fiscalYearBounds(year),
});

export function fiscalYearRows(): (typeof fiscalYears.$inferInsert)[] {
  const rows = [];
  for (let year = FIRST_FISCAL_YEAR; year <= LAST_FISCAL_YEAR; year++) rows.push(fiscalYearRow(year));
  return rows;
}

interface ProgrammeDefinition {
  code: ProgrammeCode;
  parent: ProgrammeCode | null;
  nameEn: string;
  nameFr: string;
  descriptionEn: string;
  descriptionFr: string;
  startsOn: string | null;
  endsOn: string | null;
  /** The envelope announced for the whole period, when there is one (public record for the Fund). */
  envelopeAmount?: number;
  provenance: SeedProvenance;
}

const PROGRAMMES: readonly ProgrammeDefinition[] = [
  {
    code: "CLF",
    parent: null,
    nameEn: "Canadian Landmine Fund",
    nameFr: "Fonds canadien contre les mines terrestres",
    descriptionEn:
      "C$100 million over five years, announced on 3 December 1997 when the Ottawa Convention opened for signature. Renewed on 29 November 2002 with C$72 million over five years from April 2003.",
    descriptionFr:
      "100 millions de dollars sur cinq ans, annoncés le 3 décembre 1997 à l'ouverture de la Convention d'Ottawa à la signature. Renouvelé le 29 novembre 2002 : 72 millions de dollars sur cinq ans à compter d'avril 2003.",
    startsOn: "1997-12-03",
    // The first five-year envelope ends with the fiscal year before the renewal starts (April 2003).
    endsOn: "2003-03-31",
    envelopeAmount: dollars(100_000_000),
    provenance: "public-record",
  },
  {
    code: "MAPP",
    parent: "CLF",
    nameEn: "Mine Action Partnership Program",
    nameFr: "Programme de partenariat pour l'action contre les mines",
    descriptionEn:
      "Supports civil society and international partners working toward the universalisation and implementation of the Ottawa Convention, and regional seminars co-hosted with other states.",
    descriptionFr:
      "Appuie la société civile et les partenaires internationaux qui œuvrent à l'universalisation et à la mise en œuvre de la Convention d'Ottawa, ainsi que les séminaires régionaux organisés avec d'autres États.",
    startsOn: null,
    endsOn: null,
    provenance: "source-document",
  },
  {
    code: "MMP",
    parent: "CLF",
    nameEn: "Mine Monitoring Program",
    nameFr: "Programme de surveillance des mines",
    descriptionEn:
      "Funds independent monitoring of states' policies and practices on AP mines, chiefly the annual Landmine Monitor.",
    descriptionFr:
      "Finance la surveillance indépendante des politiques et pratiques des États en matière de mines antipersonnel, principalement l'Observatoire des mines (Landmine Monitor) annuel.",
    startsOn: null,
    endsOn: null,
    provenance: "source-document",
  },
];

/**
 * ILLUSTRATIVE: the programmes' yearly budgets are not in the source document. Sized so every seeded grant and
 * direct cost fits with room left for officers to commit more.
 */
const ALLOCATION_BUDGETS: Readonly<Record<"MAPP" | "MMP", Readonly<Record<number, number>>>> = {
  MAPP: {
    1999: dollars(2_000_000),
    2000: dollars(2_200_000),
    2001: dollars(2_500_000),
    2002: dollars(3_000_000),
  },
  MMP: {
    1999: dollars(400_000),
    2000: dollars(500_000),
    2001: dollars(500_000),
    2002: dollars(600_000),
  },
};

export interface AllocationBudget {
  id: string;
  programme: "MAPP" | "MMP";
  fiscalYear: number;
  amount: number;
}

export function allocationBudgets(): AllocationBudget[] {
  return Object.entries(ALLOCATION_BUDGETS).flatMap(([programme, years]) =>
    Object.entries(years).map(([year, amount]) => {
      const code = programme as "MAPP" | "MMP";
      return {
        id: allocationId(code, Number(year)),
        programme: code,
        fiscalYear: Number(year),
        amount,
      };
    }),
  );
}

function programmeRows(): (typeof programmes.$inferInsert)[] {
  return PROGRAMMES.map(({ code, parent, ...rest }) => ({
    id: programmeId(code),
    code,
    parentId: parent ? programmeId(parent) : null,
    ...rest,
  }));
}

/**
 * New allocations start with nothing committed or disbursed: the seed then adds what its new funding lines and
 * direct costs draw, as the ledger services would (see ledger.ts).
 */
function allocationRows(budgets: readonly AllocationBudget[]): (typeof allocations.$inferInsert)[] {
  return budgets.map((budget) => ({
    id: budget.id,
    programmeId: programmeId(budget.programme),
    fiscalYear: budget.fiscalYear,
    amount: budget.amount,
    currency: "CAD",
    committed: 0,
    disbursed: 0,
    provenance: "illustrative" as const,
  }));
}

/** The Fund's fiscal years, and any later ones the demo's present-day portfolio needs (already open ones stay). */
export async function seedFiscalYears(tx: Tx, laterYears: readonly number[] = []): Promise<Written> {
  const rows = [...fiscalYearRows(), ...laterYears.filter((year) => year > LAST_FISCAL_YEAR).map(fiscalYearRow)];
  return { fiscal_years: await insertNew(tx, fiscalYears, rows) };
}

/** Funding definitions name a programme and a year; this gives the allocation's id as it is in the database. */
export type AllocationIdOf = (programme: "MAPP" | "MMP", fiscalYear: number) => string;

/**
 * The programmes and their allocations: the Fund's years, plus `laterBudgets` (the present-day portfolio's). An
 * allocation an admin has already opened for the same programme and year is kept as it is, and grants are funded
 * from it: the returned lookup gives each (programme, year) the id it has in the database.
 */
export async function seedProgrammes(
  tx: Tx,
  laterBudgets: readonly AllocationBudget[] = [],
): Promise<{ written: Written; allocationIdOf: AllocationIdOf }> {
  const written = {
    programmes: await insertNew(tx, programmes, programmeRows()),
    allocations: await insertNew(tx, allocations, allocationRows([...allocationBudgets(), ...laterBudgets])),
  };
  const years = [...new Set(laterBudgets.map((budget) => budget.fiscalYear))];
  const existing =
    years.length === 0
      ? []
      : await tx
          .select({ id: allocations.id, programmeId: allocations.programmeId, fiscalYear: allocations.fiscalYear })
          .from(allocations)
          .where(inArray(allocations.fiscalYear, years));
  const byKey = new Map(existing.map((row) => [`${row.programmeId}:${row.fiscalYear}`, row.id]));
  const allocationIdOf: AllocationIdOf = (programme, fiscalYear) =>
    byKey.get(`${programmeId(programme)}:${fiscalYear}`) ?? allocationId(programme, fiscalYear);
  return { written, allocationIdOf };
}
