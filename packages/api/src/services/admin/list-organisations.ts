import { type DbOrTx, organisations } from "@portal/db";
import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Actor, requireCapability } from "../../actor";
import { listOrganisationsInput } from "./inputs";
import { containsPattern } from "./like-pattern";
import { parseInput } from "../../parse-input";

/** Organisations by name, searchable by name and acronym, with how many members and grants each has. */
export async function listOrganisations(db: DbOrTx, actor: Actor, rawInput: z.input<typeof listOrganisationsInput>) {
  requireCapability(actor, "organisations.manage");
  const input = parseInput(listOrganisationsInput, rawInput);
  const conditions: SQL[] = [];
  if (input.iatiType !== undefined) conditions.push(eq(organisations.iatiType, input.iatiType));
  if (input.q) {
    const pattern = containsPattern(input.q);
    conditions.push(
      or(
        ilike(organisations.legalNameEn, pattern),
        ilike(organisations.legalNameFr, pattern),
        ilike(organisations.acronym, pattern),
      )!,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        slug: organisations.slug,
        legalNameEn: organisations.legalNameEn,
        legalNameFr: organisations.legalNameFr,
        acronym: organisations.acronym,
        iatiType: organisations.iatiType,
        countryCode: organisations.countryCode,
        website: organisations.website,
        provenance: organisations.provenance,
        members: sql<number>`(select count(*)::int from memberships m where m.organisation_id = "organisations"."id")`,
        grants: sql<number>`(select count(*)::int from grants g where g.recipient_id = "organisations"."id")`,
      })
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.legalNameEn), asc(organisations.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(organisations)
      .where(where),
  ]);
  return { rows, total, page: input.page, pageSize: input.pageSize };
}
