import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

async function optionValue(page: Page, label: string, text: string | RegExp): Promise<string> {
  const value = await page
    .getByLabel(label, { exact: true })
    .locator("option", { hasText: text })
    .first()
    .getAttribute("value");
  expect(value).toBeTruthy();
  return value!;
}

/** Clicks an export button and returns the saved file's name and text. */
async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: (await readFile(path, "utf8")).replace(/^\uFEFF/, "") };
}

test.describe("program officer workspace", () => {
  test("lands on the dashboard of what needs action, each row linking to its grant", async ({ page }) => {
    await signIn(page, "officer");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "What needs action", level: 1 })).toBeVisible();
    const review = page.getByTestId("section-review");
    await expect(review).toContainText("CLF-2002-ICBL");
    const overdue = page.getByTestId("section-overdue");
    await expect(overdue.getByRole("link", { name: "CLF-2002-MAC" }).first()).toBeVisible();
    await page.getByTestId("summary-payments").click();
    await expect(page).toHaveURL(/#payments$/);
    await review.getByRole("link", { name: "CLF-2002-ICBL" }).first().click();
    await expect(page).toHaveURL(/\/grants\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("grant-total")).toHaveText("$450,000.00");

    await page.goto("/dashboard");
    await switchToFrench(page);
    await expect(page.getByRole("heading", { name: "À traiter", level: 1 })).toBeVisible();
    await expect(page.getByTestId("section-review")).toContainText("Rapports à examiner");
  });

  test("finds ICBL's FY 2001-2002 grant by filters, sorts, opens it, and exports the list as CSV", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/grants");
    await page.getByLabel("Partner", { exact: true }).selectOption(await optionValue(page, "Partner", /^ICBL/));
    await page.getByLabel("Fiscal year", { exact: true }).selectOption("2001-2002");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/partner=[0-9a-f-]{36}/);
    await expect(page).toHaveURL(/fy=2001-2002/);
    const rows = page.getByTestId("grants-table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toContainText("$484,744.00");

    // The view is bookmarkable: the same URL shows the same list.
    const bookmarked = page.url();
    await page.goto("/grants");
    await page.goto(bookmarked);
    await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toBeVisible();

    // Sorting by amount is a link in the column header, with aria-sort.
    await page.getByTestId("sort-amount").getByRole("link").click();
    await expect(page).toHaveURL(/sort=amount/);
    await expect(page.getByTestId("sort-amount")).toHaveAttribute("aria-sort", "ascending");
    await page.getByTestId("sort-amount").getByRole("link").click();
    await expect(page.getByTestId("sort-amount")).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/dir=desc/);

    const csv = await download(page, "export-csv");
    expect(csv.name).toMatch(/^grants-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toBe(
      "Reference,Title,Recipient,Acronym,Country,Programmes,Fiscal years,Starts,Ends,Status,Currency,Amount,Disbursed,Remaining",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("CLF-2001-ICBL");
    expect(lines[1]).toContain(",ICBL,");
    expect(lines[1]).toContain('"MAPP, MMP"');
    expect(lines[1]).toContain(",CAD,484744.00,");
    await expect(page.getByTestId("export-done")).toContainText(csv.name);

    await page.getByRole("link", { name: "CLF-2001-ICBL" }).click();
    await expect(page.getByTestId("grant-total")).toHaveText("$484,744.00");
    await expect(page.getByTestId("components-table")).toContainText("$210,000.00");
  });

  test("pages through the list with the URL keeping filters and sort", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/grants?size=10&sort=reference&dir=asc");
    const nav = page.getByRole("navigation", { name: /Page 1 of/ });
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/size=10/);
    await expect(page).toHaveURL(/sort=reference/);
    await expect(page.getByTestId("grants-count")).toContainText("Showing 11–");
  });
});

test.describe("partner workspace", () => {
  test("shows MAC its own funded activities and payments, and exports only its payments", async ({ page }) => {
    await signIn(page, "partnerMac");
    await expect(page).toHaveURL(/\/partner$/);
    await expect(page.getByRole("heading", { name: "Mines Action Canada", level: 1 })).toBeVisible();
    await expect(page.getByTestId("partner-grant-CLF-2002-MAC")).toContainText("Youth Mine Action Ambassador Program");
    await expect(page.getByTestId("partner-grant-CLF-2001-MAC")).toContainText("$317,400.00");
    await expect(page.getByTestId("received-table")).toBeVisible();
    await expect(page.getByTestId("upcoming-table")).toBeVisible();
    const body = page.locator("main");
    await expect(body).not.toContainText("CLF-2001-ICBL");
    await expect(body).not.toContainText("International Campaign to Ban Landmines");

    const csv = await download(page, "export-payments-csv");
    const lines = csv.text.trim().split("\n");
    expect(lines[0]).toBe("Payment,Date,Grant,Grant title,Description,Status,Currency,Amount");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(1)) expect(line).toMatch(/,CLF-\d{4}-MAC|,E2E-/);
    expect(csv.text).not.toContain("ICBL");

    await switchToFrench(page);
    await expect(page.getByRole("heading", { name: "Action Mines Canada", level: 1 })).toBeVisible();
    await expect(page.getByTestId("partner-reports")).toContainText("Rapports");
  });

  test("a partner cannot reach the officer dashboard, and the export endpoints keep to their scope", async ({
    page,
  }) => {
    await signIn(page, "partnerIcbl");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/partner$/);
    const response = await page.request.get("/api/exports/grants?format=csv&q=Mines%20Action%20Canada");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("CLF-2001-MAC");
    expect(text).not.toContain("CLF-2002-MAC");
    const anonymous = await page.context().browser()!.newContext();
    const refused = await anonymous.request.get(`${new URL(page.url()).origin}/api/exports/grants?format=csv`);
    expect(refused.status()).toBe(401);
    await anonymous.close();
  });
});
