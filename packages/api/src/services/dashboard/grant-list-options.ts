import { allocations, countries, type DbOrTx, fundingLines, grants, organisations, programmes } from "@portal/db";
import { asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { visibleGrants } from "../grants/grant-scope";

/**
 * The choices of the grant list's filters, drawn from the grants the actor may see: a partner is offered only their
 * own organisation, its country and the programmes and years that fund it.
 */
export async function grantListOptions(db: DbOrTx, actor: Actor) {
  const visible = visibleGrants(actor);
  const [programmeRows, yearRows, recipientRows, countryRows] = await Promise.all([
    db
      .selectDistinct({
        id: programmes.id,
        code: programmes.code,
        nameEn: programmes.nameEn,
        nameFr: programmes.nameFr,
      })
      .from(grants)
      .innerJoin(fundingLines, eq(fundingLines.grantId, grants.id))
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(visible)
      .orderBy(asc(programmes.code)),
    db
      .selectDistinct({ fiscalYear: allocations.fiscalYear })
      .from(grants)
      .innerJoin(fundingLines, eq(fundingLines.grantId, grants.id))
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .where(visible)
      .orderBy(sql`${allocations.fiscalYear} desc`),
    db
      .selectDistinct({
        id: organisations.id,
        acronym: organisations.acronym,
        nameEn: organisations.legalNameEn,
        nameFr: organisations.legalNameFr,
      })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .where(visible)
      .orderBy(asc(organisations.legalNameEn)),
    db
      .selectDistinct({ code: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr })
      .from(grants)
      .innerJoin(organisations, eq(organisations.id, grants.recipientId))
      .innerJoin(countries, eq(countries.iso2, organisations.countryCode))
      .where(visible)
      .orderBy(asc(countries.nameEn)),
  ]);
  return {
    programmes: programmeRows,
    fiscalYears: yearRows.map((r) => r.fiscalYear),
    recipients: recipientRows,
    countries: countryRows,
  };
}
