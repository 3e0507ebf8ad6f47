import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/accessibility";
import { signIn } from "../support/sign-in";

const UUID = "[0-9a-f-]{36}";

test("breadcrumbs lead from a grant back to the grant list as it was left (filters, sort, page)", async ({ page }) => {
  await signIn(page, "officer");
  const list = "/grants?q=CLF&status=active&size=10&sort=reference&dir=desc";
  await page.goto(list);
  await expect(page.getByTestId("grants-table")).toBeVisible();
  await page.getByTestId("grants-table").locator("tbody a[href^='/grants/']").first().click();
  await expect(page).toHaveURL(new RegExp(`/grants/${UUID}$`));

  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("listitem")).toHaveCount(2);
  // The last crumb is the page itself, marked current; it is no link.
  await expect(crumbs.getByRole("listitem").last().locator('[aria-current="page"]')).toHaveText(/^CLF-/);
  await expect(crumbs.getByRole("listitem").last().getByRole("link")).toHaveCount(0);
  await expect(crumbs.getByRole("link", { name: "Grants" })).toHaveAttribute("href", list);
  await crumbs.getByRole("link", { name: "Grants" }).click();
  await expect(page).toHaveURL(new RegExp(`${list.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("CLF");
  await expect(page.getByLabel("Status")).toHaveValue("active");

  // Going through the main navigation starts the list afresh, and the crumb follows.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Grants" }).click();
  await expect(page).toHaveURL(/\/grants$/);
  await page.getByTestId("grants-table").locator("tbody a[href^='/grants/']").first().click();
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Grants" }),
  ).toHaveAttribute("href", "/grants");
});

test("a report and a conference carry breadcrumbs to their lists", async ({ page }) => {
  await signIn(page, "officer");
  await page.goto("/reports?view=all");
  await page.getByTestId("reports-list").locator("tbody a[href^='/reports/']").first().click();
  await expect(page).toHaveURL(new RegExp(`/reports/${UUID}$`));
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: "Reports" })).toHaveAttribute("href", "/reports?view=all");
  await expect(crumbs.getByRole("link", { name: /^Grant / })).toHaveAttribute("href", new RegExp(`^/grants/${UUID}$`));
  await expect(crumbs.locator('[aria-current="page"]')).toHaveCount(1);

  await page.goto("/conferences");
  await page
    .locator(`main a[href^='/conferences/']`)
    .filter({ hasNotText: /new|nouvelle/i })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/conferences/${UUID}$`));
  await expect(
    page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Conferences" }),
  ).toHaveAttribute("href", "/conferences");
});

test("a page past the end of a list says so in words, in both languages", async ({ page, baseURL }) => {
  await signIn(page, "officer");
  await page.goto("/grants?q=CLF-2002-ICRC&page=99");
  const notice = page.getByTestId("page-beyond-end");
  await expect(notice).toContainText("There is no page 99");
  await expect(notice).toContainText("only one page");
  // Never a backwards range such as "Showing 2451–12 of 12".
  await expect(page.getByTestId("grants-count")).not.toContainText("Showing");
  await expect(page.getByTestId("grants-table")).toHaveCount(0);
  await expectAccessible(page);
  await notice.getByRole("link").click();
  await expect(page.getByTestId("grants-table")).toBeVisible();
  await expect(page.getByTestId("grants-count")).toContainText("Showing 1–1 of 1 grant");

  await page.goto("/reports?view=all&page=99");
  await expect(page.getByTestId("page-beyond-end")).toContainText("There is no page 99");

  await page.context().addCookies([{ name: "portal-locale", value: "fr", url: baseURL! }]);
  await page.goto("/grants?page=99");
  await expect(page.getByTestId("page-beyond-end")).toContainText("Il n’y a pas de page 99");
});

test("printed report, conference and budget pages leave out navigation, buttons and forms", async ({ page }) => {
  await signIn(page, "officer");
  await page.goto("/reports?view=all");
  const report = await page
    .getByTestId("reports-list")
    .locator("tbody a[href^='/reports/']")
    .first()
    .getAttribute("href");
  await page.goto("/conferences");
  const conference = await page
    .locator("main a[href^='/conferences/']")
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute("href")).find((h) => /^\/conferences\/[0-9a-f-]{36}$/.test(h ?? "")),
    );
  await page.emulateMedia({ media: "print" });
  for (const path of [report!, conference!, "/annual-report", "/treaty"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    const shown = await page.evaluate(
      () =>
        [...document.querySelectorAll("header, nav, button, form")].filter(
          (e) => (e as HTMLElement).offsetParent !== null,
        ).length,
    );
    expect(shown, `navigation, buttons or forms printed on ${path}`).toBe(0);
  }
});
