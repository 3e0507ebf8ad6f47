import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/support/browser";

// Deployment tests: each spec starts its own PostgreSQL and app instances from the built output (no global setup).
const browser = findChromium();

export default defineConfig({
  testDir: ".",
  outputDir: "../.results/production-artifacts",
  workers: 1,
  timeout: 240_000,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "../.results/production.json" }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
});
