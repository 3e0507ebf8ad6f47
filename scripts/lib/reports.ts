import { readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "./paths";

export interface Counts {
  passed: number;
  failed: number;
  /** Why the counts are not simply the report's, e.g. a run that crashed before writing one. */
  note?: string;
  /** Each failed test as "where › name: first line of the error", printed beside the closing table. */
  failures?: string[];
}

/** One line per failure: CI keeps only the end of the output, so the names must be there, not just the counts. */
function failureLine(where: string, message: string | undefined): string {
  // Strip ANSI colours; the first non-empty line of the error says what went wrong.
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  const first = plain.split("\n").find((line) => line.trim() !== "") ?? "";
  return `${where}: ${first.trim().slice(0, 200)}`;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

/**
 * Counts from vitest's JSON report. A test file that fails to load has no tests but a failed file result: it counts
 * as one failure, as does a non-zero exit with nothing failed in the report (a crash in setup or teardown).
 */
export async function vitestCounts(file: string, exitCode: number): Promise<Counts> {
  const report = (await readJson(file)) as {
    numPassedTests?: number;
    numFailedTests?: number;
    testResults?: {
      name?: string;
      status?: string;
      message?: string;
      assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[];
    }[];
  } | null;
  if (!report) return { passed: 0, failed: 1, note: `no report (exit code ${exitCode})` };
  let failed = report.numFailedTests ?? 0;
  const failures: string[] = [];
  let brokenFiles = 0;
  for (const file of report.testResults ?? []) {
    const where = path.relative(repoRoot, file.name ?? "?");
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests)
      failures.push(failureLine(`${where} › ${test.fullName}`, test.failureMessages?.[0]));
    if (file.status === "failed" && failedTests.length === 0) {
      brokenFiles += 1;
      failures.push(failureLine(where, file.message));
    }
  }
  failed += brokenFiles;
  let note = brokenFiles ? `${brokenFiles} file(s) failed outside any test` : undefined;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = `exit code ${exitCode} with no failed test`;
  }
  return { passed: report.numPassedTests ?? 0, failed, note, failures };
}

/**
 * Counts from Playwright's JSON report: flaky tests passed on retry. Errors outside tests (global setup, a broken
 * spec file) count as one failure.
 */
export async function playwrightCounts(file: string, exitCode: number): Promise<Counts> {
  const report = (await readJson(file)) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number };
    errors?: { message?: string }[];
    suites?: PlaywrightSuite[];
  } | null;
  if (!report?.stats) return { passed: 0, failed: 1, note: `no report (exit code ${exitCode})` };
  const passed = (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  let failed = report.stats.unexpected ?? 0;
  let note: string | undefined;
  const errors = report.errors?.length ?? 0;
  if (errors > 0) {
    failed += 1;
    note = `${errors} error(s) outside tests: ${(report.errors?.[0]?.message ?? "").split("\n")[0]}`;
  } else if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = `exit code ${exitCode} with no failed test`;
  }
  const failures = (report.suites ?? []).flatMap(unexpectedTests);
  for (const error of report.errors ?? []) failures.push(failureLine("outside any test", error.message));
  return { passed, failed, note, failures };
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: {
    title?: string;
    file?: string;
    line?: number;
    tests?: { projectName?: string; status?: string; results?: { error?: { message?: string } }[] }[];
  }[];
}

/** Playwright's report nests suites (file, describe blocks); a test whose status is "unexpected" failed. */
function unexpectedTests(suite: PlaywrightSuite): string[] {
  const own = (suite.specs ?? []).flatMap((spec) =>
    (spec.tests ?? [])
      .filter((test) => test.status === "unexpected")
      .map((test) =>
        failureLine(
          `[${test.projectName ?? ""}] ${spec.file}:${spec.line} › ${spec.title}`,
          test.results?.find((result) => result.error)?.error?.message,
        ),
      ),
  );
  return [...own, ...(suite.suites ?? []).flatMap(unexpectedTests)];
}
