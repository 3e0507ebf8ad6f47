import { allocations, type DbOrTx, organisations, programmes, users } from "@portal/db";
import { and, asc, desc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { allocationsInScope } from "./grant-scope";

/**
 * What the officer's grant form chooses from: recipients, the allocations of their programmes with what is still
 * available (the only ones createGrant accepts from them), officers.
 */
export async function grantFormOptions(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "grants.manage");
  const [orgs, allocationRows, officers] = await Promise.all([
    db
      .select({
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      })
      .from(organisations)
      // The ministry funds; it is never a recipient.
      .where(eq(organisations.isFunder, false))
      .orderBy(asc(organisations.legalNameEn)),
    db
      .select({
        id: allocations.id,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
        fiscalYear: allocations.fiscalYear,
        amount: allocations.amount,
        committed: allocations.committed,
        disbursed: allocations.disbursed,
      })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(allocationsInScope(actor))
      .orderBy(desc(allocations.fiscalYear), asc(programmes.code)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.role, "officer"), eq(users.active, true)))
      .orderBy(asc(users.name)),
  ]);
  return {
    organisations: orgs,
    allocations: allocationRows.map((row) => ({ ...row, available: row.amount - row.committed })),
    officers,
  };
}
