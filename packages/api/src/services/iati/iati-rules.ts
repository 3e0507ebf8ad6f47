import { isCurrencyCode, type IsoDate } from "@portal/domain";
import type { IatiActivityRecord } from "./iati-record";

/** A problem with a record, worded for the officer who has to fix it. */
export interface IatiProblem {
  rule: "percentages" | "dates" | "future-transaction" | "currency" | "schema";
  message: string;
}

function percentagesProblems(record: IatiActivityRecord): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const sectors = record.sectors.reduce((sum, s) => sum + s.percentage, 0);
  if (record.sectors.length > 0 && sectors !== 100) {
    problems.push({ rule: "percentages", message: `Sector percentages add up to ${sectors}, not 100.` });
  }
  const places = [...record.recipientCountries, ...record.recipientRegions];
  const recipients = places.reduce((sum, p) => sum + p.percentage, 0);
  if (places.length > 0 && recipients !== 100) {
    problems.push({
      rule: "percentages",
      message: `Recipient country and region percentages add up to ${recipients}, not 100.`,
    });
  }
  return problems;
}

function dateProblems(record: IatiActivityRecord, today: IsoDate): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const date = (type: string) => record.dates.find((d) => d.type === type)?.isoDate;
  const pairs: [string, string | undefined, string | undefined][] = [
    ["planned", date("1"), date("3")],
    ["actual", date("2"), date("4")],
  ];
  for (const [kind, start, end] of pairs) {
    if (start && end && start > end) {
      problems.push({ rule: "dates", message: `The ${kind} start (${start}) is after the ${kind} end (${end}).` });
    }
  }
  for (const actual of record.dates.filter((d) => d.type === "2" || d.type === "4")) {
    if (actual.isoDate > today) {
      problems.push({ rule: "dates", message: `An actual date (${actual.isoDate}) lies in the future.` });
    }
  }
  for (const budget of record.budgets) {
    if (budget.periodStart >= budget.periodEnd) {
      problems.push({
        rule: "dates",
        message: `The budget for ${budget.periodStart} starts on or after its end (${budget.periodEnd}).`,
      });
    }
  }
  return problems;
}

function transactionProblems(record: IatiActivityRecord, today: IsoDate): IatiProblem[] {
  const problems: IatiProblem[] = [];
  for (const transaction of record.transactions) {
    if (transaction.date > today) {
      problems.push({
        rule: "future-transaction",
        message: `A transaction is dated ${transaction.date}, in the future; IATI reports what has happened.`,
      });
    }
    if (!isCurrencyCode(transaction.currency)) {
      problems.push({ rule: "currency", message: `A transaction of ${transaction.date} has no valid currency.` });
    }
  }
  for (const budget of record.budgets) {
    if (!isCurrencyCode(budget.currency)) {
      problems.push({ rule: "currency", message: `The budget for ${budget.periodStart} has no valid currency.` });
    }
  }
  if (!isCurrencyCode(record.currency)) {
    problems.push({ rule: "currency", message: "The activity has no valid default currency." });
  }
  return problems;
}

/**
 * The IATI rules a schema cannot check: percentages adding up to 100, starts before ends, no transaction or actual
 * date in the future, a currency on every value.
 */
export function iatiRuleProblems(record: IatiActivityRecord, today: IsoDate): IatiProblem[] {
  return [...percentagesProblems(record), ...dateProblems(record, today), ...transactionProblems(record, today)];
}
