/**
 * `npm test`: every check the project has, in order, continuing past failures where the next step still means
 * something. Static checks count as one test each; vitest and Playwright count their own tests. The last line of
 * output is `N passed, N failed`, which CI reads.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { NO_BROWSER_MESSAGE, findChromium } from "../tests/e2e/support/browser";
import { buildApps } from "./lib/apps";
import { runToCompletion } from "./lib/child-process";
import { bin, repoRoot } from "./lib/paths";
import { playwrightCounts, vitestCounts, type Counts } from "./lib/reports";
import { printSummary, type StepResult } from "./lib/summary";

const RESULTS = path.join(repoRoot, "tests", ".results");
const results: StepResult[] = [];

async function step(name: string, description: string, run: () => Promise<Counts>): Promise<StepResult> {
  console.log(`\n━━━ [${results.length + 1}/7] ${name}: ${description}\n`);
  const started = Date.now();
  let counts: Counts;
  try {
    counts = await run();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    counts = { passed: 0, failed: 1, note: error instanceof Error ? error.message.split("\n")[0] : "failed" };
  }
  const result = { name, ...counts, seconds: (Date.now() - started) / 1000 };
  results.push(result);
  return result;
}

/** A static check passes or fails as a whole. */
async function check(command: string, args: string[]): Promise<Counts> {
  const code = await runToCompletion(bin(command), args, { cwd: repoRoot });
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note: `exit code ${code}` };
}

async function main(): Promise<void> {
  await rm(RESULTS, { recursive: true, force: true }); // a stale report must never be counted
  await mkdir(RESULTS, { recursive: true });

  await step("typecheck", "turbo run typecheck", () => check("turbo", ["run", "typecheck"]));
  await step("lint", "eslint . --max-warnings 0", () => check("eslint", [".", "--max-warnings", "0"]));
  await step("format", "prettier --check .", () => check("prettier", ["--check", "."]));

  const vitestReport = path.join(RESULTS, "vitest.json");
  await step("vitest", "unit and integration tests", async () => {
    const code = await runToCompletion(
      bin("vitest"),
      [
        "run",
        "--config",
        "tests/vitest.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestReport}`,
      ],
      { cwd: repoRoot },
    );
    return vitestCounts(vitestReport, code);
  });

  const build = await step("build", "turbo run build (web, admin)", async () => {
    await buildApps();
    return { passed: 1, failed: 0 };
  });

  await step("e2e", "playwright test", async () => {
    if (build.failed > 0) return { passed: 0, failed: 1, note: "not run: the apps did not build" };
    if (!findChromium()) throw new Error(NO_BROWSER_MESSAGE);
    const code = await runToCompletion(bin("playwright"), ["test", "--config", "tests/playwright.config.ts"], {
      cwd: repoRoot,
    });
    return playwrightCounts(path.join(RESULTS, "playwright.json"), code);
  });

  await step("production", "deployment tests (production mode, two instances, backup)", async () => {
    if (build.failed > 0) return { passed: 0, failed: 1, note: "not run: the apps did not build" };
    if (!findChromium()) throw new Error(NO_BROWSER_MESSAGE);
    const code = await runToCompletion(
      bin("playwright"),
      ["test", "--config", "tests/production/playwright.config.ts"],
      {
        cwd: repoRoot,
      },
    );
    return playwrightCounts(path.join(RESULTS, "production.json"), code);
  });

  const { failed } = printSummary(results);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`0 passed, 1 failed`);
  process.exitCode = 1;
});
