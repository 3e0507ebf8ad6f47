import { type DbOrTx, users } from "@portal/db";
import { and, asc, eq, exists, ilike, or, type SQL, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { listUsersInput, type ListUsersInput } from "./inputs";
import { containsPattern } from "./like-pattern";
import { parseInput } from "../../parse-input";

export interface UserListRow {
  id: string;
  email: string;
  name: string;
  role: (typeof users.role.enumValues)[number];
  active: boolean;
  lastSignInAt: Date | null;
  organisations: { id: string; acronym: string | null; nameEn: string; nameFr: string }[];
}

/** Every user, searchable by name, email or organisation, filtered by role, active and organisation; by name. */
export async function listUsers(db: DbOrTx, actor: Actor, rawInput: ListUsersInput) {
  requireCapability(actor, "users.manage");
  const input = parseInput(listUsersInput, rawInput);
  const conditions: SQL[] = [];
  if (input.role) conditions.push(eq(users.role, input.role));
  if (input.active !== undefined) conditions.push(eq(users.active, input.active));
  // Subqueries name their columns in full: on a single-table query drizzle leaves column names unqualified.
  const memberOf = (condition: SQL) =>
    exists(
      sql`(select 1 from memberships m inner join organisations o on o.id = m.organisation_id
           where m.user_id = "users"."id" and ${condition})`,
    );
  if (input.organisationId) conditions.push(memberOf(sql`o.id = ${input.organisationId}`));
  if (input.q) {
    const pattern = containsPattern(input.q);
    conditions.push(
      or(
        ilike(users.name, pattern),
        ilike(users.email, pattern),
        memberOf(
          sql`(o.acronym ilike ${pattern} or o.legal_name_en ilike ${pattern} or o.legal_name_fr ilike ${pattern})`,
        ),
      )!,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const organisationsOf = sql<UserListRow["organisations"]>`coalesce((
      select json_agg(json_build_object('id', o.id, 'acronym', o.acronym, 'nameEn', o.legal_name_en,
        'nameFr', o.legal_name_fr) order by o.legal_name_en)
      from memberships m inner join organisations o on o.id = m.organisation_id
      where m.user_id = "users"."id"), '[]'::json)`;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        organisations: organisationsOf,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ]);
  return { rows: rows as UserListRow[], total, page: input.page, pageSize: input.pageSize };
}
