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

/** The grant lifecycle in IATI ActivityStatus terms: a terminated agreement ended early, but it ended (closed). */
export const IATI_ACTIVITY_STATUS_OF_GRANT = {
  draft: 1,
  submitted: 1,
  approved: 2,
  active: 2,
  closing: 3,
  closed: 4,
  terminated: 4,
  cancelled: 5,
  suspended: 6,
} as const satisfies Record<string, keyof typeof IATI_ACTIVITY_STATUS>;

/** Grant statuses whose activity has actually started, and those whose activity has actually ended. */
export const IATI_STARTED_STATUSES = ["active", "closing", "closed", "terminated", "suspended"] as const;
export const IATI_ENDED_STATUSES = ["closed", "terminated"] as const;

/**
 * The defaults every activity of the ministry carries (IATI 2.03 code lists): ODA flow (10), standard grant finance
 * (110), project-type intervention aid (C01, vocabulary 1), bilateral collaboration (1); activity dates types (1-4),
 * budget type original (1) and status committed (2); recipient region "developing countries, unspecified" (998,
 * vocabulary 1) for grants to global partners.
 */
export const IATI_DEFAULTS = {
  flowType: "10",
  financeType: "110",
  aidType: "C01",
  aidTypeVocabulary: "1",
  collaborationType: "1",
  budgetType: "1",
  budgetStatus: "2",
  regionUnspecified: "998",
  regionVocabulary: "1",
} as const;

export const IATI_ACTIVITY_DATE_TYPES = {
  plannedStart: "1",
  actualStart: "2",
  plannedEnd: "3",
  actualEnd: "4",
} as const;

/** Reporting-organisation references look like `CA-3` (registration agency prefix, hyphen, identifier). */
export const IATI_ORGANISATION_REF_PATTERN = /^[A-Z]{2}(-[A-Za-z0-9]+)+$/;
export const IATI_DEFAULT_REPORTING_ORG_REF = "CA-3";
