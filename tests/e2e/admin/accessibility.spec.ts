import { expect, test } from "@playwright/test";
import { expectAccessible, expectUniqueTitles, firstRecord, useFrench, visitAll } from "../support/accessibility";
import { ACCOUNTS, signIn } from "../support/sign-in";

const UUID = "[0-9a-f-]{36}$";

for (const language of ["en", "fr"] as const) {
  test.describe(`admin console accessibility in ${language === "en" ? "English" : "French"}`, () => {
    // Every console page scanned by axe, then the states behind its main buttons: minutes on a busy machine.
    test.describe.configure({ timeout: 300_000 });

    test(`every admin page (${language})`, async ({ page, baseURL }) => {
      await signIn(page, "admin");
      if (language === "fr") await useFrench(page, baseURL!);
      const allocation = await firstRecord(page, "/budgets?fy=2001-2002", new RegExp(`^/budgets/${UUID}`));
      const organisation = await firstRecord(page, "/organisations", new RegExp(`^/organisations/${UUID}`));
      // A partner's account, not the admin's own: its page offers deactivation and ending sessions.
      const user = await firstRecord(
        page,
        `/users?q=${encodeURIComponent(ACCOUNTS.partnerMac)}`,
        new RegExp(`^/users/${UUID}`),
      );
      const paths = [
        "/budgets",
        "/budgets/breakdown?fy=2001-2002",
        allocation,
        "/budget-administration",
        "/organisations",
        "/organisations/new",
        organisation,
        "/users",
        "/users/invite",
        user,
        "/audit",
        "/jobs",
        "/jobs/outbox",
        "/iati",
        "/notifications",
        "/account",
      ];
      // A message in the outbox, when the worker has rendered one (invitations and notifications end up there).
      await page.goto("/jobs/outbox");
      const message = await page.locator("main a[href]").evaluateAll((links, source) => {
        const re = new RegExp(source);
        return links.map((a) => a.getAttribute("href") ?? "").find((h) => re.test(h)) ?? null;
      }, `^/jobs/outbox/${UUID}`);
      if (message) paths.push(message);
      const facts = await visitAll(page, paths);
      expectUniqueTitles(facts);

      // The main states behind buttons: a deactivation and an end-of-sessions waiting for confirmation.
      await page.goto(user);
      await page.getByTestId("deactivate").click();
      await expect(page.getByTestId("confirm-deactivate")).toBeFocused();
      await expectAccessible(page);
      await page.getByTestId("user-sessions").getByRole("button").first().click();
      await expectAccessible(page);

      // The data behind the drill-down's charts, opened.
      await page.goto(allocation);
      const disclosures = page.locator("main details > summary");
      for (let index = 0; index < (await disclosures.count()); index++) await disclosures.nth(index).click();
      await expectAccessible(page);

      // A page past the end of a list is explained, and is accessible too.
      await page.goto("/users?page=99");
      await expect(page.getByTestId("page-beyond-end")).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test("detail pages carry breadcrumbs that lead back to the list as it was left", async ({ page }) => {
  await signIn(page, "admin");
  const user = await firstRecord(page, "/users?role=partner", new RegExp(`^/users/${UUID}`));
  await page.locator(`main a[href="${user}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/users/${UUID}`));
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveCount(1);
  await expect(crumbs.locator("li").last().locator('[aria-current="page"]')).toHaveCount(1);
  await crumbs.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users\?role=partner$/);
  await expect(page.getByLabel("Role")).toHaveValue("partner");
});

test("printed budget pages leave out navigation, buttons and forms", async ({ page }) => {
  await signIn(page, "admin");
  const allocation = await firstRecord(page, "/budgets?fy=2001-2002", new RegExp(`^/budgets/${UUID}`));
  await page.emulateMedia({ media: "print" });
  for (const path of ["/budgets?fy=2001-2002", "/budgets/breakdown?fy=2001-2002", allocation]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    const shown = await page.evaluate(
      () =>
        [...document.querySelectorAll("header, nav, button, form")].filter(
          (e) => (e as HTMLElement).offsetParent !== null,
        ).length,
    );
    expect(shown, `navigation, buttons or forms printed on ${path}`).toBe(0);
    // The figures themselves are on paper.
    await expect(page.locator("main table").first()).toBeVisible();
  }
});
