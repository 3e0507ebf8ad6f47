import { isCurrencyCode, type IsoDate, param } from "@portal/domain";
import { iatiFinding, type IatiProblem } from "./iati-findings";
import type { IatiActivityRecord } from "./iati-record";

export type { IatiProblem } from "./iati-findings";

function percentagesProblems(record: IatiActivityRecord): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const sectors = record.sectors.reduce((sum, s) => sum + s.percentage, 0);
  if (record.sectors.length > 0 && sectors !== 100) {
    problems.push(iatiFinding("percentages", "sectorPercentages", { total: sectors }));
  }
  const places = [...record.recipientCountries, ...record.recipientRegions];
  const recipients = places.reduce((sum, p) => sum + p.percentage, 0);
  if (places.length > 0 && recipients !== 100) {
    problems.push(iatiFinding("percentages", "recipientPercentages", { total: recipients }));
  }
  return problems;
}

function dateProblems(record: IatiActivityRecord, today: IsoDate): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const date = (type: string) => record.dates.find((d) => d.type === type)?.isoDate;
  const pairs: ["planned" | "actual", string | undefined, string | undefined][] = [
    ["planned", date("1"), date("3")],
    ["actual", date("2"), date("4")],
  ];
  for (const [kind, start, end] of pairs) {
    if (start && end && start > end) {
      problems.push(iatiFinding("dates", "startAfterEnd", { kind, start: param.date(start), end: param.date(end) }));
    }
  }
  for (const actual of record.dates.filter((d) => d.type === "2" || d.type === "4")) {
    if (actual.isoDate > today) {
      problems.push(iatiFinding("dates", "actualDateInFuture", { date: param.date(actual.isoDate) }));
    }
  }
  for (const budget of record.budgets) {
    if (budget.periodStart >= budget.periodEnd) {
      problems.push(
        iatiFinding("dates", "budgetPeriodReversed", {
          start: param.date(budget.periodStart),
          end: param.date(budget.periodEnd),
        }),
      );
    }
  }
  return problems;
}

function transactionProblems(record: IatiActivityRecord, today: IsoDate): IatiProblem[] {
  const problems: IatiProblem[] = [];
  for (const transaction of record.transactions) {
    if (transaction.date > today) {
      problems.push(iatiFinding("future-transaction", "transactionInFuture", { date: param.date(transaction.date) }));
    }
    if (!isCurrencyCode(transaction.currency)) {
      problems.push(iatiFinding("currency", "transactionCurrency", { date: param.date(transaction.date) }));
    }
  }
  for (const budget of record.budgets) {
    if (!isCurrencyCode(budget.currency)) {
      problems.push(iatiFinding("currency", "budgetCurrency", { start: param.date(budget.periodStart) }));
    }
  }
  if (!isCurrencyCode(record.currency)) {
    problems.push(iatiFinding("currency", "defaultCurrency"));
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
