import { allocations, type DbOrTx, fundingLines, grants, organisations, programmes } from "@portal/db";
import { can, type GrantListQuery, listGrantsInput, type ListGrantsInput } from "@portal/domain";
import { and, asc, eq, exists, ilike, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { cachedForVersion } from "./grant-list-cache";
import { grantScopeKey, visibleGrants } from "./grant-scope";
import { searchProbe } from "./search-probe";
import { parseInput } from "../../parse-input";

export interface GrantListRow {
  id: string;
  reference: string;
  titleEn: string;
  titleFr: string;
  recipient: { id: string; acronym: string | null; nameEn: string; nameFr: string; countryCode: string | null };
  programmes: { code: string; nameEn: string; nameFr: string }[];
  fiscalYears: number[];
  totalAmount: number;
  currency: string;
  disbursed: number;
  startsOn: string;
  endsOn: string;
  status: (typeof grants.status.enumValues)[number];
  provenance: (typeof grants.provenance.enumValues)[number];
}

function fundedBy(condition: SQL): SQL {
  return exists(
    sql`(select 1 from ${fundingLines} inner join ${allocations} on ${allocations.id} = ${fundingLines.allocationId}
         where ${fundingLines.grantId} = ${grants.id} and ${condition})`,
  );
}

/** A LIKE pattern's literal text: its wildcards and escape character escaped. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Recipients matching a condition on organisations, as a condition on grants (so no join is needed to filter). */
function recipientWhere(condition: SQL): SQL {
  return sql`${grants.recipientId} in (select ${organisations.id} from ${organisations} where ${condition})`;
}

/**
 * The WHERE of the grant list: the actor's scope (visibleGrants) and the filters. Exports use the same one. It reads
 * grants only (organisations through subqueries), so the count needs no join; search is ILIKE '%q%' on the grant's
 * search document, which carries its recipient's names too.
 */
export function grantListWhere(
  actor: Actor,
  input: Omit<GrantListQuery, "page" | "pageSize" | "sort" | "direction">,
  { searchPiece = null }: { searchPiece?: string | null } = {},
) {
  const conditions: SQL[] = [visibleGrants(actor)];
  if (input.status) conditions.push(eq(grants.status, input.status));
  if (input.recipientId) conditions.push(eq(grants.recipientId, input.recipientId));
  if (input.countryCode) conditions.push(recipientWhere(eq(organisations.countryCode, input.countryCode)));
  if (input.fiscalYear !== undefined) conditions.push(fundedBy(sql`${allocations.fiscalYear} = ${input.fiscalYear}`));
  if (input.programmeId) conditions.push(fundedBy(sql`${allocations.programmeId} = ${input.programmeId}`));
  if (input.q) {
    // One document per grant (reference, titles, recipient names; migration 0018) behind one trigram index. Given a
    // piece of q (search-probe.ts), the index is asked for the piece and q itself looked for in what it finds, as
    // ILIKE does it (both sides lower-cased), through strpos: an ILIKE there would have the index read every trigram
    // of q again, and PostgreSQL estimates a strpos comparison as a third of the rows (a LIKE on an expression as
    // 0.5%, which made it join the recipients as if one grant matched).
    conditions.push(
      searchPiece
        ? and(
            ilike(grants.searchText, `%${escapeLike(searchPiece)}%`),
            sql`strpos(lower(${grants.searchText}), lower(${input.q})) > 0`,
          )!
        : ilike(grants.searchText, `%${escapeLike(input.q)}%`),
    );
  }
  return and(...conditions);
}

/**
 * What each sort orders by. Only the first fiscal year can be null (a grant without funding lines): it goes last
 * either way, through the two indexes of migration 0009; the other columns are never null.
 */
export const GRANT_SORT_KEYS = {
  reference: sql`${grants.reference}`,
  // The list shows the acronym first, so it sorts by what it shows.
  recipient: sql`lower(coalesce(${organisations.acronym}, ${organisations.legalNameEn}))`,
  // Kept by a trigger on funding_lines (migration 0009) instead of a min() per grant.
  fiscalYear: sql`${grants.firstFiscalYear}`,
  amount: sql`${grants.totalAmountCad}`,
  disbursed: sql`${grants.disbursed}`,
  status: sql`${grants.status}`,
  endsOn: sql`${grants.endsOn}`,
} satisfies Record<GrantListQuery["sort"], SQL>;

/**
 * ORDER BY of the grant list; the id breaks ties in the sort's direction, so each order is one index scanned forwards
 * or backwards and paging (and the exports' keyset batches) stay stable when sort values are equal.
 */
export function grantListOrder(input: Pick<GrantListQuery, "sort" | "direction">): SQL[] {
  const key = GRANT_SORT_KEYS[input.sort];
  const nulls = input.sort === "fiscalYear" ? sql` nulls last` : sql``;
  return input.direction === "asc"
    ? [sql`${key} asc${nulls}`, asc(grants.id)]
    : [sql`${key} desc${nulls}`, sql`${grants.id} desc`];
}

/** The grant's funding lines joined to their allocations, for the two funding columns below. */
const fundingOfRow = sql`${fundingLines} inner join ${allocations} on ${allocations.id} = ${fundingLines.allocationId}
  where ${fundingLines.grantId} = ${grants.id}`;

/**
 * The programmes (by code) and fiscal years funding a row, read in the row's own statement: PostgreSQL evaluates
 * these subqueries after the sort and the limit, for the rows returned only, and the page then costs the server one
 * round trip and no regrouping in JavaScript (a second query for the page's funding cost more CPU than its rows).
 */
const rowFunding = {
  programmes: sql<GrantListRow["programmes"]>`coalesce((select json_agg(json_build_object('code', ${programmes.code},
      'nameEn', ${programmes.nameEn}, 'nameFr', ${programmes.nameFr}) order by ${programmes.code})
    from ${programmes} where ${programmes.id} in (select ${allocations.programmeId} from ${fundingOfRow})), '[]')`,
  fiscalYears: sql<number[]>`array(select distinct ${allocations.fiscalYear} from ${fundingOfRow} order by 1)`,
};

/** The columns of a grant-list row. */
function grantListColumns() {
  return {
    id: grants.id,
    reference: grants.reference,
    titleEn: grants.titleEn,
    titleFr: grants.titleFr,
    recipient: {
      id: organisations.id,
      acronym: organisations.acronym,
      nameEn: organisations.legalNameEn,
      nameFr: organisations.legalNameFr,
      countryCode: organisations.countryCode,
    },
    ...rowFunding,
    totalAmount: grants.totalAmount,
    currency: grants.currency,
    disbursed: grants.disbursed,
    startsOn: grants.startsOn,
    endsOn: grants.endsOn,
    status: grants.status,
    provenance: grants.provenance,
  };
}

/**
 * One page of grant rows for a WHERE and ORDER BY built above. `prepared` sends it as a named statement, which
 * PostgreSQL plans once per connection and text (~1.5 ms of planning a page at 1M, against ~0.3 ms of execution):
 * right when the plan does not hinge on the values, wrong for a search, whose pattern decides between the trigram
 * index and walking the sort's index (a generic plan would pick one for every pattern).
 */
export async function selectGrantListRows(
  db: DbOrTx,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
  { prepared = false } = {},
): Promise<GrantListRow[]> {
  const query = db
    .select(grantListColumns())
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return prepared ? query.prepare("grant_list_page").execute() : query;
}

/** Where a keyset batch of the grant list resumes: the last row's sort value (as text) and id. */
export interface GrantListKey {
  sortKey: string | null;
  id: string;
}

/**
 * Rows after `after` in the list's order (keyset pagination, for exports): the same WHERE and ORDER BY as the page,
 * plus "comes after the last row". Sort values travel as text and are compared in SQL, so no precision is lost.
 */
export async function selectGrantListBatch(
  db: DbOrTx,
  where: SQL | undefined,
  input: Pick<GrantListQuery, "sort" | "direction">,
  after: GrantListKey | null,
  limit: number,
): Promise<(GrantListRow & GrantListKey)[]> {
  const key = GRANT_SORT_KEYS[input.sort];
  const beyond = input.direction === "asc" ? sql`>` : sql`<`;
  let resume: SQL | undefined;
  if (after && after.sortKey === null) {
    // Only the first fiscal year can be null, and nulls come last in both directions: the rest of the nulls by id.
    resume = sql`(${key} is null and ${grants.id} ${beyond} ${after.id})`;
  } else if (after) {
    const nullsAfter = input.sort === "fiscalYear" ? sql` or ${key} is null` : sql``;
    resume = sql`((${key}, ${grants.id}) ${beyond} (${after.sortKey}, ${after.id}::uuid)${nullsAfter})`;
  }
  return db
    .select({ ...grantListColumns(), sortKey: sql<string | null>`(${key})::text` })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(and(where, resume))
    .orderBy(...grantListOrder(input))
    .limit(limit);
}

/** How many grants match: the WHERE reads grants alone, so this is one index or table scan of grants, no join. */
export async function countGrantListRows(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(grants)
    .where(where);
  return row?.total ?? 0;
}

type GrantListFilters = Omit<GrantListQuery, "page" | "pageSize" | "sort" | "direction">;

/**
 * The list's total for this scope and these filters, exact: counted once per state of what it reads
 * (grant_list_version, grant-list-cache.ts) rather than on every page view, where it read every visible grant.
 */
export async function cachedGrantListCount(
  db: DbOrTx,
  actor: Actor,
  filters: GrantListFilters,
  where: SQL | undefined,
): Promise<number> {
  const { status, recipientId, countryCode, fiscalYear, programmeId, q } = filters;
  const key = JSON.stringify([
    "count",
    grantScopeKey(actor),
    status,
    recipientId,
    countryCode,
    fiscalYear,
    programmeId,
    q,
  ]);
  return cachedForVersion(db, key, () => countGrantListRows(db, where));
}

export async function listGrants(db: DbOrTx, actor: Actor, rawInput: ListGrantsInput) {
  const input = parseInput(listGrantsInput, rawInput);
  const where = grantListWhere(actor, input, { searchPiece: input.q ? await searchProbe(db, input.q) : null });
  const [rows, total] = await Promise.all([
    selectGrantListRows(db, where, grantListOrder(input), input.pageSize, (input.page - 1) * input.pageSize, {
      prepared: !input.q,
    }),
    cachedGrantListCount(db, actor, input, where),
  ]);
  return {
    rows,
    total,
    page: input.page,
    pageSize: input.pageSize,
    /** Whether the list offers "New grant": the capability createGrant requires. */
    permissions: { create: can(actor.role, "grants.manage") },
  };
}
