import { countries, type DbOrTx, treatyStatus } from "@portal/db";
import type { TreatyRecord } from "@portal/domain";
import { eq, inArray } from "drizzle-orm";

export interface StateTreatyRecord extends TreatyRecord {
  iso2: string;
  nameEn: string;
  nameFr: string;
  joinMethod: (typeof treatyStatus.joinMethod.enumValues)[number] | null;
  entryIntoForceOn: string | null;
  provenance: (typeof treatyStatus.provenance.enumValues)[number] | null;
}

/**
 * The treaty record of each given state, with its names: a state without a treaty_status row never deposited an
 * instrument (and, in the UN data, never signed either), so it gets an empty record rather than none.
 */
export async function treatyRecordsFor(db: DbOrTx, iso2s: readonly string[]): Promise<Map<string, StateTreatyRecord>> {
  if (iso2s.length === 0) return new Map();
  const rows = await db
    .select({
      iso2: countries.iso2,
      nameEn: countries.nameEn,
      nameFr: countries.nameFr,
      signedOn: treatyStatus.signedOn,
      depositedOn: treatyStatus.depositedOn,
      withdrawalEffectiveOn: treatyStatus.withdrawalEffectiveOn,
      joinMethod: treatyStatus.joinMethod,
      entryIntoForceOn: treatyStatus.entryIntoForceOn,
      provenance: treatyStatus.provenance,
    })
    .from(countries)
    .leftJoin(treatyStatus, eq(treatyStatus.iso2, countries.iso2))
    .where(inArray(countries.iso2, [...new Set(iso2s)]));
  // The left join gives a state without a treaty_status row nulls throughout: an empty record.
  return new Map(rows.map((row) => [row.iso2, row]));
}
