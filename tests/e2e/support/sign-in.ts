import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2001";
export const ACCOUNTS = {
  admin: "admin@example.org",
  officer: "officer@example.org",
  officer2: "officer2@example.org",
  /** Assigned to the Mine Monitoring Program only (officer scope): reads MAPP grants, acts on none. */
  officer3: "officer3@example.org",
  partnerIcbl: "partner@icbl.example.org",
  partnerMac: "partner@mac.example.org",
} as const;

/** Signs in through the real form, as a person would, and waits to land past the sign-in page. */
export async function signIn(page: Page, who: keyof typeof ACCOUNTS, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS[who]);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function switchToFrench(page: Page) {
  await page.getByRole("button", { name: "Afficher en français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
}
