import {
  allocations,
  countries,
  type DbOrTx,
  fiscalYears,
  fundingLines,
  grants,
  organisations,
  programmes,
} from "@portal/db";
import { and, asc, eq, exists, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { cachedForVersion } from "../grants/grant-list-cache";
import { grantScopeKey, seesEveryGrant, visibleGrants } from "../grants/grant-scope";

/**
 * The choices of the grant list's filters, drawn from the grants the actor may see: a partner is offered only their
 * own organisation, its country and the programmes and years that fund it. Each list is read from its own small
 * table with an EXISTS that stops at the first visible grant (through the foreign-key indexes), instead of a DISTINCT
 * over every grant and funding line: the cost follows the number of choices, not the size of the portfolio.
 */
export function grantListOptions(db: DbOrTx, actor: Actor) {
  // Read again only when something they are drawn from changed (grant_list_version, grant-list-cache.ts).
  return cachedForVersion(db, JSON.stringify(["options", grantScopeKey(actor)]), () => readGrantListOptions(db, actor));
}

async function readGrantListOptions(db: DbOrTx, actor: Actor) {
  const visible = visibleGrants(actor);
  const everyGrant = await seesEveryGrant(db, actor);
  // Someone who sees every grant needs no join to grants: any funding line of the allocation will do.
  const fundsVisibleGrant = (allocationCondition: SQL) =>
    exists(
      everyGrant
        ? db
            .select({ one: sql`1` })
            .from(allocations)
            .innerJoin(fundingLines, eq(fundingLines.allocationId, allocations.id))
            .where(allocationCondition)
        : db
            .select({ one: sql`1` })
            .from(allocations)
            .innerJoin(fundingLines, eq(fundingLines.allocationId, allocations.id))
            .innerJoin(grants, eq(grants.id, fundingLines.grantId))
            .where(and(allocationCondition, visible)),
    );
  const receivesVisibleGrant = exists(
    db
      .select({ one: sql`1` })
      .from(grants)
      .where(and(eq(grants.recipientId, organisations.id), visible)),
  );

  const [programmeRows, yearRows, recipientRows, countryRows] = await Promise.all([
    db
      .select({ id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr })
      .from(programmes)
      .where(fundsVisibleGrant(eq(allocations.programmeId, programmes.id)))
      .orderBy(asc(programmes.code)),
    db
      .select({ fiscalYear: fiscalYears.startYear })
      .from(fiscalYears)
      .where(fundsVisibleGrant(eq(allocations.fiscalYear, fiscalYears.startYear)))
      .orderBy(sql`${fiscalYears.startYear} desc`),
    db
      .select({
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      })
      .from(organisations)
      .where(receivesVisibleGrant)
      .orderBy(asc(organisations.legalNameEn), asc(organisations.id)),
    db
      .select({ code: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr })
      .from(countries)
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(organisations)
            .where(and(eq(organisations.countryCode, countries.iso2), receivesVisibleGrant)),
        ),
      )
      .orderBy(asc(countries.nameEn)),
  ]);
  return {
    programmes: programmeRows,
    fiscalYears: yearRows.map((r) => r.fiscalYear),
    recipients: recipientRows,
    countries: countryRows,
  };
}
