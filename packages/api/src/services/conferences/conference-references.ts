import { allocations, countries, type DbOrTx, grants, organisations } from "@portal/db";
import { type ConferenceData, fiscalYearLabel, fiscalYearOf, param } from "@portal/domain";
import { eq, inArray } from "drizzle-orm";
import { refusal } from "../../errors";
import type { DirectCharge } from "./direct-cost";

/** The conference row's own columns from a form; funding fields the chosen kind does not use are cleared. */
export function conferenceColumns(data: ConferenceData) {
  return {
    titleEn: data.titleEn,
    titleFr: data.titleFr,
    descriptionEn: data.descriptionEn,
    descriptionFr: data.descriptionFr,
    city: data.city,
    countryCode: data.countryCode,
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    grantId: data.fundingKind === "grant" ? (data.grantId ?? null) : null,
    allocationId: data.fundingKind === "direct" ? (data.allocationId ?? null) : null,
    directCost: data.fundingKind === "direct" ? (data.directCost ?? null) : null,
    currency: "CAD",
  };
}

/** The direct charge a conference's columns describe, if any. */
export function directChargeOf(row: { allocationId: string | null; directCost: number | null }): DirectCharge | null {
  return row.allocationId && row.directCost ? { allocationId: row.allocationId, amount: row.directCost } : null;
}

/**
 * The rules a conference must meet that need the database: its country, co-hosts, participants and organisations
 * exist, its grant is one that can pay, and a direct cost is charged to an allocation of the fiscal year the
 * conference starts in. Each failure names the form field at fault.
 */
export async function checkConferenceReferences(tx: DbOrTx, data: ConferenceData): Promise<void> {
  const countryCodes = [
    data.countryCode,
    ...data.participants,
    ...data.coHosts.flatMap((h) => (h.countryCode ? [h.countryCode] : [])),
  ];
  const organisationIds = [
    ...data.organisationIds,
    ...data.coHosts.flatMap((h) => (h.organisationId ? [h.organisationId] : [])),
  ];
  const [knownCountries, knownOrganisations, grant, allocation] = await Promise.all([
    tx.select({ iso2: countries.iso2 }).from(countries).where(inArray(countries.iso2, countryCodes)),
    organisationIds.length > 0
      ? tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, organisationIds))
      : Promise.resolve([]),
    data.fundingKind === "grant" && data.grantId
      ? tx.select({ status: grants.status }).from(grants).where(eq(grants.id, data.grantId))
      : Promise.resolve(null),
    data.fundingKind === "direct" && data.allocationId
      ? tx.select({ fiscalYear: allocations.fiscalYear }).from(allocations).where(eq(allocations.id, data.allocationId))
      : Promise.resolve(null),
  ]);
  const country = new Set(knownCountries.map((c) => c.iso2));
  const organisation = new Set(knownOrganisations.map((o) => o.id));
  if (!country.has(data.countryCode)) throw refusal("VALIDATION", "chooseHostCountry", {}, "countryCode");
  const badHost = data.coHosts.findIndex((h) =>
    h.countryCode ? !country.has(h.countryCode) : !organisation.has(h.organisationId ?? ""),
  );
  if (badHost >= 0) throw refusal("VALIDATION", "chooseCoHost", {}, `coHosts.${badHost}`);
  const badState = data.participants.find((iso2) => !country.has(iso2));
  if (badState) throw refusal("VALIDATION", "unknownCountry", { code: badState }, "participants");
  if (data.organisationIds.some((id) => !organisation.has(id)))
    throw refusal("VALIDATION", "chooseOrganisations", {}, "organisationIds");
  if (grant) {
    if (!grant[0]) throw refusal("VALIDATION", "chooseGrant", {}, "grantId");
    if (grant[0].status === "cancelled") throw refusal("VALIDATION", "cancelledGrantCannotPay", {}, "grantId");
  }
  if (allocation) {
    if (!allocation[0]) throw refusal("VALIDATION", "chooseAllocation", {}, "allocationId");
    const year = fiscalYearOf(data.startsOn);
    if (allocation[0].fiscalYear !== year) {
      throw refusal(
        "VALIDATION",
        "conferenceAllocationYear",
        { startsOn: param.date(data.startsOn), fiscalYear: fiscalYearLabel(year) },
        "allocationId",
      );
    }
  }
}
