import { formatAmount, type GrantStatus } from "@portal/domain";

// Amendment refusals are not yet catalogue sentences: they are written in English here (a French reader gets the
// code's general sentence, see errors.ts), with amounts from the one formatter.
export const money = (amount: number, currency = "CAD") => formatAmount(amount, currency, "en");

export const reportName = (requirement: { kind: "narrative" | "financial"; stage: "interim" | "final" }) =>
  `${requirement.stage} ${requirement.kind} report`;

export const grantStatusWords = (status: GrantStatus) => status.replaceAll("_", " ");
