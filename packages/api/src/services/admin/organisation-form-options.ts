import { countries, type DbOrTx } from "@portal/db";
import { IATI_ORGANISATION_TYPES } from "@portal/domain";
import { asc } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/** The choices of the organisation form: IATI organisation types and countries with their English and French names. */
export async function organisationFormOptions(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "organisations.manage");
  const countryRows = await db
    .select({ code: countries.iso2, nameEn: countries.nameEn, nameFr: countries.nameFr })
    .from(countries)
    .orderBy(asc(countries.nameEn));
  return {
    iatiTypes: Object.entries(IATI_ORGANISATION_TYPES).map(([code, key]) => ({ code: Number(code), key })),
    countries: countryRows,
  };
}
