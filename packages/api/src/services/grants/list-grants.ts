import { allocations, type DbOrTx, fundingLines, grants, organisations, programmes } from "@portal/db";
import { listGrantsInput, type ListGrantsInput } from "@portal/domain";
import { and, asc, desc, eq, exists, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleGrants } from "./grant-scope";

export interface GrantListRow {
  id: string;
  reference: string;
  titleEn: string;
  titleFr: string;
  recipient: { id: string; acronym: string | null; nameEn: string; nameFr: string };
  programmes: { code: string; nameEn: string; nameFr: string }[];
  fiscalYears: number[];
  totalAmount: number;
  currency: string;
  disbursed: number;
  status: (typeof grants.status.enumValues)[number];
  provenance: (typeof grants.provenance.enumValues)[number];
}

function fundedBy(condition: SQL): SQL {
  return exists(
    sql`(select 1 from ${fundingLines} inner join ${allocations} on ${allocations.id} = ${fundingLines.allocationId}
         where ${fundingLines.grantId} = ${grants.id} and ${condition})`,
  );
}

export async function listGrants(db: DbOrTx, actor: Actor, rawInput: ListGrantsInput) {
  const input = listGrantsInput.parse(rawInput);
  const conditions: SQL[] = [visibleGrants(actor)];
  if (input.status) conditions.push(eq(grants.status, input.status));
  if (input.recipientId) conditions.push(eq(grants.recipientId, input.recipientId));
  if (input.fiscalYear !== undefined) conditions.push(fundedBy(sql`${allocations.fiscalYear} = ${input.fiscalYear}`));
  if (input.programmeId) conditions.push(fundedBy(sql`${allocations.programmeId} = ${input.programmeId}`));
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(grants.reference, pattern),
        ilike(grants.titleEn, pattern),
        ilike(grants.titleFr, pattern),
        ilike(organisations.legalNameEn, pattern),
        ilike(organisations.legalNameFr, pattern),
        ilike(organisations.acronym, pattern),
      )!,
    );
  }
  const where = and(...conditions);
  const sortColumn = {
    reference: grants.reference,
    recipient: organisations.legalNameEn,
    amount: grants.totalAmountCad,
    status: grants.status,
  }[input.sort];
  const order = input.direction === "asc" ? asc(sortColumn) : desc(sortColumn);

  const programmesOf = sql<GrantListRow["programmes"]>`coalesce((
      select json_agg(distinct jsonb_build_object('code', ${programmes.code}, 'nameEn', ${programmes.nameEn}, 'nameFr', ${programmes.nameFr}))
      from ${fundingLines} inner join ${allocations} on ${allocations.id} = ${fundingLines.allocationId}
      inner join ${programmes} on ${programmes.id} = ${allocations.programmeId}
      where ${fundingLines.grantId} = ${grants.id}), '[]'::json)`;
  const fiscalYearsOf = sql<number[]>`coalesce((
      select array_agg(distinct ${allocations.fiscalYear} order by ${allocations.fiscalYear})
      from ${fundingLines} inner join ${allocations} on ${allocations.id} = ${fundingLines.allocationId}
      where ${fundingLines.grantId} = ${grants.id}), '{}')`;

  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: grants.id,
        reference: grants.reference,
        titleEn: grants.titleEn,
        titleFr: grants.titleFr,
        recipient: {
          id: organisations.id,
          acronym: organisations.acronym,
          nameEn: organisations.legalNameEn,
          nameFr: organisations.legalNameFr,
        },
        programmes: programmesOf,
        fiscalYears: fiscalYearsOf,
        totalAmount: grants.totalAmount,
        currency: grants.currency,
        disbursed: grants.disbursed,
        status: grants.status,
        provenance: grants.provenance,
      })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(where)
      // The id tie-breaker keeps paging stable when the sort column has equal values.
      .orderBy(order, asc(grants.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(where),
  ]);
  return { rows: rows as GrantListRow[], total, page: input.page, pageSize: input.pageSize };
}
