/**
 * IATI code lists used by the portal (no maintained npm package exists). Source: IATI Standard 2.03 codelists,
 * https://iatistandard.org/en/iati-standard/203/codelists/ (OrganisationType, TransactionType, OrganisationRole,
 * Sector, ActivityStatus).
 */
export const IATI_ORGANISATION_TYPES = {
  10: "government",
  11: "local-government",
  15: "other-public-sector",
  21: "international-ngo",
  22: "national-ngo",
  23: "regional-ngo",
  24: "partner-country-ngo",
  30: "public-private-partnership",
  40: "multilateral",
  60: "foundation",
  70: "private-sector",
  71: "private-sector-provider-country",
  72: "private-sector-aid-recipient-country",
  73: "private-sector-third-country",
  80: "academic-research",
  90: "other",
} as const;
export type IatiOrganisationType = keyof typeof IATI_ORGANISATION_TYPES;

export const IATI_TRANSACTION_TYPES = {
  1: "incoming-funds",
  2: "outgoing-commitment",
  3: "disbursement",
  4: "expenditure",
  7: "reimbursement",
} as const;

export const IATI_ORGANISATION_ROLES = { 1: "funding", 2: "accountable", 3: "extending", 4: "implementing" } as const;

/** Sector 15250, vocabulary 1 (OECD DAC CRS 5-digit). */
export const IATI_SECTOR_MINE_ACTION = {
  code: "15250",
  vocabulary: "1",
  name: "Removal of land mines and explosive remnants of war",
} as const;

export const IATI_ACTIVITY_STATUS = {
  1: "pipeline",
  2: "implementation",
  3: "finalisation",
  4: "closed",
  5: "cancelled",
  6: "suspended",
} as const;
