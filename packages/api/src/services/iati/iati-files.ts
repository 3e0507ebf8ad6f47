import { allocations, type DbOrTx, programmes } from "@portal/db";
import { fiscalYearBounds } from "@portal/domain";
import { asc, eq, ne, sum } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { todayInOttawa } from "../today";
import { type ActivitySelection, conferenceActivityRecords, grantActivityRecords } from "./activity-records";
import type { IatiActivityRecord, ReportingOrganisation } from "./iati-record";
import { iatiRuleProblems, type IatiProblem } from "./iati-rules";
import { activitiesFile, type OrganisationBudget, organisationFile } from "./iati-xml";
import { reportingOrganisation } from "./reporting-organisation";
import { schemaProblems } from "./validate-iati";

/** The latest change among the records, so a file's generated-datetime (and its bytes) move only with the data. */
export function latestChange(records: readonly { lastUpdated: Date }[], fallback: Date): Date {
  return records.reduce((latest, r) => (r.lastUpdated > latest ? r.lastUpdated : latest), fallback);
}

/** The file generation date when a file holds no activity: a fixed instant, so an empty file is stable too. */
const EPOCH = new Date("2000-01-01T00:00:00Z");

export interface IatiFile {
  xml: string;
  records: IatiActivityRecord[];
  generatedAt: Date;
}

export async function buildActivitiesFile(
  db: DbOrTx,
  selection: ActivitySelection & { conferences?: boolean },
  reporting?: ReportingOrganisation,
): Promise<IatiFile> {
  const org = reporting ?? (await reportingOrganisation(db));
  const records = [
    ...(await grantActivityRecords(db, org, selection)),
    ...(selection.conferences === false || selection.grantIds
      ? []
      : await conferenceActivityRecords(db, org, { fiscalYear: selection.fiscalYear })),
  ];
  const generatedAt = latestChange(records, EPOCH);
  return { xml: activitiesFile(records, org, generatedAt), records, generatedAt };
}

/** Rules and schema for one record on its own (as it would be published). */
export async function activityProblems(record: IatiActivityRecord, org: ReportingOrganisation): Promise<IatiProblem[]> {
  const rules = iatiRuleProblems(record, todayInOttawa());
  const schema = await schemaProblems(activitiesFile([record], org, record.lastUpdated));
  return [...rules, ...schema];
}

/**
 * The ministry's total budget per fiscal year, summed from the programme allocations. Illustrative allocations are
 * left out unless asked for, and then each budget line says it is illustrative.
 */
export async function organisationBudgets(
  db: DbOrTx,
  options: { illustrative: boolean } = { illustrative: false },
): Promise<OrganisationBudget[]> {
  const rows = await db
    .select({
      provenance: allocations.provenance,
      fiscalYear: allocations.fiscalYear,
      code: programmes.code,
      nameEn: programmes.nameEn,
      nameFr: programmes.nameFr,
      amount: sum(allocations.amount).mapWith(Number),
    })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(options.illustrative ? undefined : ne(allocations.provenance, "illustrative"))
    .groupBy(allocations.fiscalYear, allocations.provenance, programmes.code, programmes.nameEn, programmes.nameFr)
    .orderBy(asc(allocations.fiscalYear), asc(programmes.code));
  const years = new Map<number, OrganisationBudget>();
  for (const row of rows) {
    const bounds = fiscalYearBounds(row.fiscalYear);
    const year = years.get(row.fiscalYear) ?? {
      fiscalYear: row.fiscalYear,
      periodStart: bounds.startsOn,
      periodEnd: bounds.endsOn,
      value: 0,
      lines: [],
    };
    year.value += row.amount;
    const marked = row.provenance === "illustrative";
    year.lines.push({
      ref: row.code,
      value: row.amount,
      name: marked
        ? {
            en: `${row.nameEn} (ILLUSTRATIVE: not historical fact)`,
            fr: `${row.nameFr} (ILLUSTRATIF : non historique)`,
          }
        : { en: row.nameEn, fr: row.nameFr },
    });
    years.set(row.fiscalYear, year);
  }
  return [...years.values()];
}

export async function buildOrganisationFile(
  db: DbOrTx,
  generatedAt: Date,
  options: { illustrative: boolean } = { illustrative: false },
): Promise<string> {
  const [org, budgets] = await Promise.all([reportingOrganisation(db), organisationBudgets(db, options)]);
  return organisationFile(org, budgets, generatedAt);
}

/**
 * An officer's download of the whole portfolio or one fiscal year, published or not, with every problem found: what
 * would be published is checked before anyone decides to.
 */
export async function iatiPortfolio(db: DbOrTx, actor: Actor, input: { fiscalYear?: number | undefined }) {
  requireCapability(actor, "grants.view.all");
  const file = await buildActivitiesFile(db, input.fiscalYear === undefined ? {} : { fiscalYear: input.fiscalYear });
  return { xml: file.xml, problems: await schemaProblems(file.xml) };
}
