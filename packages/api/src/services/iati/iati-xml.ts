import { IATI_DEFAULTS, IATI_ORGANISATION_ROLES, minorDigits } from "@portal/domain";
import { create } from "xmlbuilder2";

type XMLBuilder = ReturnType<typeof create>;
import type { IatiActivityRecord, IatiOrganisation, Narratives, ReportingOrganisation } from "./iati-record";

export const IATI_VERSION = "2.03";

const ROLE = Object.fromEntries(Object.entries(IATI_ORGANISATION_ROLES).map(([code, name]) => [name, code])) as Record<
  (typeof IATI_ORGANISATION_ROLES)[keyof typeof IATI_ORGANISATION_ROLES],
  string
>;

/** Minor units as an xsd:decimal in major units, exactly (no floating point): 48474400 CAD -> "484744.00". */
export function decimalValue(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** A narrative per language the record has; an empty translation is left out rather than published blank. */
function narratives(parent: XMLBuilder, text: Narratives): XMLBuilder {
  for (const lang of ["en", "fr"] as const) {
    if (text[lang].trim()) parent.ele("narrative", { "xml:lang": lang }).txt(text[lang]);
  }
  return parent;
}

function organisationAttributes(org: IatiOrganisation): Record<string, string> {
  return org.ref ? { ref: org.ref, type: String(org.type) } : { type: String(org.type) };
}

function reportingOrg(parent: XMLBuilder, reporting: ReportingOrganisation): void {
  narratives(parent.ele("reporting-org", { ref: reporting.ref, type: String(reporting.type) }), reporting.name);
}

/** An xsd:dateTime without milliseconds, in UTC. */
const dateTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Appends one iati-activity, in the element order the 2.03 schema's sequence requires. Illustrative records say so
 * in a description of their own, so nobody reads them as history.
 */
export function appendActivity(
  parent: XMLBuilder,
  record: IatiActivityRecord,
  reporting: ReportingOrganisation,
): XMLBuilder {
  const activity = parent.ele("iati-activity", {
    "last-updated-datetime": dateTime(record.lastUpdated),
    "xml:lang": "en",
    "default-currency": record.currency,
    humanitarian: "1",
  });
  activity.ele("iati-identifier").txt(record.identifier);
  reportingOrg(activity, reporting);
  narratives(activity.ele("title"), record.title);
  narratives(activity.ele("description", { type: "1" }), record.description);
  if (record.illustrative) {
    narratives(activity.ele("description", { type: "4" }), {
      en: "ILLUSTRATIVE: demonstration data, not historical fact.",
      fr: "ILLUSTRATIF : données de démonstration, non des faits historiques.",
    });
  }
  narratives(
    activity.ele("participating-org", { role: ROLE.funding, ...organisationAttributes(reporting) }),
    reporting.name,
  );
  narratives(
    activity.ele("participating-org", { role: ROLE.extending, ...organisationAttributes(reporting) }),
    reporting.name,
  );
  narratives(
    activity.ele("participating-org", { role: ROLE.implementing, ...organisationAttributes(record.implementing) }),
    record.implementing.name,
  );
  activity.ele("activity-status", { code: String(record.status) });
  for (const date of record.dates) activity.ele("activity-date", { type: date.type, "iso-date": date.isoDate });
  for (const country of record.recipientCountries) {
    activity.ele("recipient-country", { code: country.code, percentage: String(country.percentage) });
  }
  for (const region of record.recipientRegions) {
    activity.ele("recipient-region", {
      code: region.code,
      vocabulary: region.vocabulary,
      percentage: String(region.percentage),
    });
  }
  for (const sector of record.sectors) {
    activity.ele("sector", { code: sector.code, vocabulary: sector.vocabulary, percentage: String(sector.percentage) });
  }
  activity.ele("collaboration-type", { code: IATI_DEFAULTS.collaborationType });
  activity.ele("default-flow-type", { code: IATI_DEFAULTS.flowType });
  activity.ele("default-finance-type", { code: IATI_DEFAULTS.financeType });
  activity.ele("default-aid-type", { code: IATI_DEFAULTS.aidType, vocabulary: IATI_DEFAULTS.aidTypeVocabulary });
  for (const budget of record.budgets) {
    const element = activity.ele("budget", { type: IATI_DEFAULTS.budgetType, status: IATI_DEFAULTS.budgetStatus });
    element.ele("period-start", { "iso-date": budget.periodStart });
    element.ele("period-end", { "iso-date": budget.periodEnd });
    element
      .ele("value", { currency: budget.currency, "value-date": budget.periodStart })
      .txt(decimalValue(budget.value, budget.currency));
  }
  for (const transaction of record.transactions) {
    const element = activity.ele("transaction", { ref: transaction.recordId });
    element.ele("transaction-type", { code: transaction.type });
    element.ele("transaction-date", { "iso-date": transaction.date });
    element
      .ele("value", { currency: transaction.currency, "value-date": transaction.date })
      .txt(decimalValue(transaction.value, transaction.currency));
    narratives(element.ele("description"), transaction.description);
    narratives(element.ele("provider-org", organisationAttributes(reporting)), reporting.name);
    if (transaction.type !== "4") {
      narratives(element.ele("receiver-org", organisationAttributes(record.implementing)), record.implementing.name);
    }
  }
  if (record.parentIdentifier) activity.ele("related-activity", { ref: record.parentIdentifier, type: "1" });
  return activity;
}

/** An iati-activities file; generated-datetime is the latest change among its activities, so equal data, equal bytes. */
export function activitiesFile(
  records: readonly IatiActivityRecord[],
  reporting: ReportingOrganisation,
  generatedAt: Date,
): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("iati-activities", {
    version: IATI_VERSION,
    "generated-datetime": dateTime(generatedAt),
  });
  for (const record of records) appendActivity(root, record, reporting);
  return root.end({ prettyPrint: true });
}

export interface OrganisationBudget {
  fiscalYear: number;
  periodStart: string;
  periodEnd: string;
  value: number;
  lines: { ref: string; value: number; name: Narratives }[];
}

/** The ministry's organisation file: its total budget per fiscal year, one budget line per programme. */
export function organisationFile(
  reporting: ReportingOrganisation,
  budgets: readonly OrganisationBudget[],
  generatedAt: Date,
): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("iati-organisations", {
    version: IATI_VERSION,
    "generated-datetime": dateTime(generatedAt),
  });
  const organisation = root.ele("iati-organisation", {
    "last-updated-datetime": dateTime(generatedAt),
    "xml:lang": "en",
    "default-currency": "CAD",
  });
  organisation.ele("organisation-identifier").txt(reporting.ref);
  narratives(organisation.ele("name"), reporting.name);
  reportingOrg(organisation, reporting);
  for (const budget of budgets) {
    const element = organisation.ele("total-budget", { status: IATI_DEFAULTS.budgetStatus });
    element.ele("period-start", { "iso-date": budget.periodStart });
    element.ele("period-end", { "iso-date": budget.periodEnd });
    element.ele("value", { currency: "CAD", "value-date": budget.periodStart }).txt(decimalValue(budget.value, "CAD"));
    for (const line of budget.lines) {
      const budgetLine = element.ele("budget-line", { ref: line.ref });
      budgetLine
        .ele("value", { currency: "CAD", "value-date": budget.periodStart })
        .txt(decimalValue(line.value, "CAD"));
      narratives(budgetLine, line.name);
    }
  }
  return root.end({ prettyPrint: true });
}
