import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Flags for a browser in a container or on CI: no sandbox as root, no GPU, no /dev/shm limits, no background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export interface FoundBrowser {
  /** Undefined means Playwright's own downloaded Chromium. */
  executablePath: string | undefined;
  source: string;
}

/**
 * `npx playwright install` cannot download here, so a system Chromium comes first. An explicit setting that points
 * nowhere is an error rather than a silent fallback.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser | null {
  for (const name of ["CHROMIUM_PATH", "PLAYWRIGHT_CHROMIUM_EXECUTABLE"]) {
    const value = env[name];
    if (!value) continue;
    if (!existsSync(value)) throw new Error(`${name}=${value}, but there is no browser there.`);
    return { executablePath: value, source: name };
  }
  const system = SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, source: "system" };
  try {
    if (existsSync(chromium.executablePath())) return { executablePath: undefined, source: "playwright" };
  } catch {
    // no browser registry entry for this platform
  }
  return null;
}

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: apt-get install -y chromium), " +
  "set CHROMIUM_PATH to a Chrome/Chromium binary, or run `npx playwright install chromium`.";
