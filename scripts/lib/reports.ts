import { readFile } from "node:fs/promises";

export interface Counts {
  passed: number;
  failed: number;
  /** Why the counts are not simply the report's, e.g. a run that crashed before writing one. */
  note?: string;
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
    testResults?: { status?: string; message?: string; assertionResults?: { status?: string }[] }[];
  } | null;
  if (!report) return { passed: 0, failed: 1, note: `no report (exit code ${exitCode})` };
  let failed = report.numFailedTests ?? 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === "failed" && !(result.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  failed += brokenFiles;
  let note = brokenFiles ? `${brokenFiles} file(s) failed outside any test` : undefined;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    note = `exit code ${exitCode} with no failed test`;
  }
  return { passed: report.numPassedTests ?? 0, failed, note };
}

/**
 * Counts from Playwright's JSON report: flaky tests passed on retry. Errors outside tests (global setup, a broken
 * spec file) count as one failure.
 */
export async function playwrightCounts(file: string, exitCode: number): Promise<Counts> {
  const report = (await readJson(file)) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number };
    errors?: { message?: string }[];
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
  return { passed, failed, note };
}
