import type { IATI_ACTIVITY_STATUS, IsoDate } from "@portal/domain";

/** A text in both of the portal's languages; IATI carries each as a narrative with its xml:lang. */
export interface Narratives {
  en: string;
  fr: string;
}

export interface IatiOrganisation {
  ref: string | null;
  type: number;
  name: Narratives;
}

/** The ministry as reporting organisation: its IATI reference (default CA-3) and its name. */
export interface ReportingOrganisation extends IatiOrganisation {
  ref: string;
}

/** Transaction types used: 2 outgoing commitment, 3 disbursement, 4 expenditure (a conference's direct cost). */
export type IatiTransactionType = "2" | "3" | "4";

/** One ledger fact as an IATI transaction. value is in minor units of currency; reversals are negative. */
export interface IatiTransaction {
  type: IatiTransactionType;
  date: IsoDate;
  value: number;
  currency: string;
  fiscalYear: number;
  description: Narratives;
  /** The ledger record behind it (grant, disbursement or conference id). */
  recordId: string;
  illustrative: boolean;
}

/** A budget for one fiscal year (or the part of it the activity covers), in CAD, from the funding lines. */
export interface IatiBudget {
  fiscalYear: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  currency: string;
}

export interface IatiActivityDate {
  type: "1" | "2" | "3" | "4";
  isoDate: IsoDate;
}

/**
 * Everything one iati-activity says, read from the ledger and nothing else. The XML builder lays it out; the rules
 * check it; tests compare its transactions with the ledger's.
 */
export interface IatiActivityRecord {
  kind: "grant" | "conference";
  /** The portal record (grant or conference id). */
  id: string;
  /** The grant reference or the conference slug. */
  localRef: string;
  identifier: string;
  title: Narratives;
  description: Narratives;
  status: keyof typeof IATI_ACTIVITY_STATUS;
  dates: IatiActivityDate[];
  implementing: IatiOrganisation;
  recipientCountries: { code: string; percentage: number }[];
  recipientRegions: { code: string; vocabulary: string; percentage: number }[];
  sectors: { code: string; vocabulary: string; percentage: number }[];
  /** The activity's own currency (a CHF grant stays in CHF); its rate to CAD when it is not CAD. */
  currency: string;
  exchangeRateToCad: string;
  budgets: IatiBudget[];
  transactions: IatiTransaction[];
  /** A conference funded through a grant points at that grant's activity, which carries its money. */
  parentIdentifier: string | null;
  illustrative: boolean;
  lastUpdated: Date;
}
