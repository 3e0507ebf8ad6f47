import { expect, test } from "@playwright/test";
import { expectAccessible, expectUniqueTitles, firstRecord, useFrench, visitAll } from "../support/accessibility";
import { signIn } from "../support/sign-in";

const UUID = "[0-9a-f-]{36}$";

for (const language of ["en", "fr"] as const) {
  test.describe(`accessibility in ${language === "en" ? "English" : "French"}`, () => {
    // A dozen pages, each loaded and scanned by axe: minutes, not the default half-minute, on a busy machine.
    test.describe.configure({ timeout: 300_000 });
    test(`every officer page (${language})`, async ({ page, baseURL }) => {
      await signIn(page, "officer");
      if (language === "fr") await useFrench(page, baseURL!);
      const grant = await firstRecord(page, "/grants", new RegExp(`^/grants/${UUID}`));
      const report = await firstRecord(page, "/reports", new RegExp(`^/reports/${UUID}`));
      const conference = await firstRecord(page, "/conferences", new RegExp(`^/conferences/${UUID}`));
      const organisation = await firstRecord(page, "/organisations", new RegExp(`^/organisations/${UUID}`));
      const facts = await visitAll(page, [
        "/dashboard",
        "/grants",
        grant,
        "/grants/new",
        "/reports",
        report,
        "/conferences",
        conference,
        "/conferences/new",
        "/organisations",
        organisation,
        "/treaty",
        "/budget",
        "/annual-report",
        "/notifications",
        "/account",
      ]);
      expectUniqueTitles(facts);

      // The navigation follows the route on client-side moves too, not only on full loads.
      await page.goto("/dashboard");
      const nav = page.getByRole("navigation").first();
      await nav.locator('a[href="/reports"]').click();
      await expect(page).toHaveURL(/\/reports$/);
      await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute("href", "/reports");
      await nav.locator('a[href="/grants"]').click();
      await expect(page).toHaveURL(/\/grants$/);
      await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute("href", "/grants");

      // A payment form opened next to another keeps ids unique (checked by expectAccessible).
      await page.goto(grant);
      const pay = page.getByRole("button", { name: /^(Pay…|Payer…)$/ });
      if ((await pay.count()) > 0) await pay.first().click();
      await expectAccessible(page);

      // An active grant's lifecycle step, asked about before it is taken: the open dialog is checked too.
      const active = await firstRecord(page, "/grants?status=active", new RegExp(`^/grants/${UUID}`));
      await page.goto(active);
      await page.locator('[data-testid^="grant-action-"]').first().click();
      await expect(page.getByRole("alertdialog").or(page.getByTestId("grant-actions").locator("form"))).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press("Escape");
    });

    test(`every partner page (${language})`, async ({ page, baseURL }) => {
      await signIn(page, "partnerIcbl");
      if (language === "fr") await useFrench(page, baseURL!);
      const grant = await firstRecord(page, "/partner", new RegExp(`^/grants/${UUID}`));
      const facts = await visitAll(page, [
        "/partner",
        grant,
        "/grants",
        "/reports",
        "/members",
        "/organisations/mine",
        "/notifications",
        "/account",
      ]);
      expectUniqueTitles(facts);
      const response = await page.goto("/treaty");
      expect(response?.status()).toBe(404);
      await expectAccessible(page);
    });
  });
}
