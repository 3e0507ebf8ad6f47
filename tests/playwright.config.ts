import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./e2e/support/browser";
import { choosePort } from "./e2e/support/ports";

const webPort = choosePort("E2E_WEB_PORT", 3100);
const adminPort = choosePort("E2E_ADMIN_PORT", 3101);
// scripts/test.ts reports a missing browser before Playwright starts; here, fall back to Playwright's own.
const browser = findChromium();

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./.results/playwright-artifacts",
  globalSetup: "./e2e/support/global-setup.ts",
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "./.results/playwright.json" }]],
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "web", testDir: "./e2e/web", use: { baseURL: `http://localhost:${webPort}` } },
    { name: "admin", testDir: "./e2e/admin", use: { baseURL: `http://localhost:${adminPort}` } },
  ],
});
