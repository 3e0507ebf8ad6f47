import { type DbOrTx, organisations } from "@portal/db";
import { IATI_DEFAULT_REPORTING_ORG_REF, IATI_ORGANISATION_REF_PATTERN } from "@portal/domain";
import { eq } from "drizzle-orm";
import type { ReportingOrganisation } from "./iati-record";

/**
 * The reporting organisation's IATI reference: IATI_REPORTING_ORG_REF, or CA-3 (Global Affairs Canada, successor of
 * DFAIT) by default. A malformed value stops the generator rather than publishing identifiers nobody can resolve.
 */
export function reportingOrgRef(value: string | undefined = process.env.IATI_REPORTING_ORG_REF): string {
  const ref = value?.trim() || IATI_DEFAULT_REPORTING_ORG_REF;
  if (!IATI_ORGANISATION_REF_PATTERN.test(ref)) {
    throw new Error(`IATI_REPORTING_ORG_REF must look like CA-3 (agency prefix, hyphen, identifier); got "${ref}"`);
  }
  return ref;
}

/** The ministry (the one funder organisation) as it reports to IATI. */
export async function reportingOrganisation(
  db: DbOrTx,
  ref: string = reportingOrgRef(),
): Promise<ReportingOrganisation> {
  const [funder] = await db
    .select({ nameEn: organisations.legalNameEn, nameFr: organisations.legalNameFr, type: organisations.iatiType })
    .from(organisations)
    .where(eq(organisations.isFunder, true))
    .orderBy(organisations.slug)
    .limit(1);
  if (!funder) throw new Error("No funder organisation: the IATI reporting organisation is unknown");
  return { ref, type: funder.type, name: { en: funder.nameEn, fr: funder.nameFr } };
}
