import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

// ICBL's FY 2001-2002 grant (CLF-2001-ICBL, $484,744) is paid in three instalments from two funding lines (MAPP and
// MMP): six seeded disbursements.
const ICBL_TOTAL = 48_474_400;

test.setTimeout(90_000);

test("the admin drills from the FY 2001-2002 budget chart down to ICBL's disbursements", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/budgets?fy=2001-2002");
  await expect(page.getByRole("heading", { name: "Committed and disbursed by partner" })).toBeVisible();

  // The partner chart: ICBL is the largest partner that year, so its bars come first; a bar opens the drill-down.
  const partnerChart = page.getByTestId("partner-chart");
  await expect(partnerChart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await partnerChart.locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/\/budgets\/breakdown\?fy=2001-2002&partner=/);
  await expect(page.getByRole("heading", { name: "ICBL, FY 2001-2002" })).toBeVisible();

  const rows = page.getByTestId("drilldown-disbursement");
  await expect(rows).toHaveCount(6);
  for (const row of await rows.all()) {
    await expect(row).toContainText("CLF-2001-ICBL");
    await expect(row).toContainText("ICBL");
  }
  await expect(page.getByTestId("disbursements-total").locator("[data-amount]")).toHaveAttribute(
    "data-amount",
    String(ICBL_TOTAL),
  );
  await expect(page.getByTestId("drilldown-grant-CLF-2001-ICBL-MMP")).toContainText("$210,000.00");
  await expect(page.getByTestId("drilldown-grant-CLF-2001-ICBL-MAPP")).toContainText("$274,744.00");

  // The table under the chart is the keyboard way to the same figures.
  await page.goto("/budgets?fy=2001-2002");
  await page.getByText("Show the figures as a table").nth(1).click();
  await page.getByTestId("partner-row-ICBL").getByRole("link", { name: "ICBL", exact: true }).click();
  await expect(page.getByRole("heading", { name: "ICBL, FY 2001-2002" })).toBeVisible();
  await expect(rows).toHaveCount(6);

  // The exported disbursements are the table on screen, with its filters.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-disbursements").getByRole("button", { name: "CSV" }).click();
  const download = await downloading;
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(7);
  expect(lines.slice(1).every((line) => line.includes("CLF-2001-ICBL"))).toBe(true);
  expect(lines[1]).toContain("137372.00");
});

test("a programme's figure opens its allocation, and a quarter narrows it, in both languages", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/budgets?fy=2001-2002");
  await page.getByTestId("budget-row-MMP").getByTestId("disbursed").getByRole("link").click();
  await expect(page).toHaveURL(/\/budgets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Mine Monitoring Program, FY 2001-2002" })).toBeVisible();
  // The MMP line of ICBL's grant: three instalments.
  await expect(page.getByTestId("drilldown-disbursement")).toHaveCount(3);

  await page.getByLabel("Quarter").selectOption({ label: "Q3 2001-2002" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/quarter=2001-Q3/);
  await expect(page.getByTestId("drilldown-disbursement")).toHaveCount(1);
  await expect(page.getByTestId("drilldown-disbursement")).toContainText("CLF-2001-ICBL/P2/MMP-2001");

  await switchToFrench(page);
  await expect(
    page.getByRole("heading", { name: "Programme de surveillance des mines, exercice 2001-2002" }),
  ).toBeVisible();
  await expect(page.getByTestId("drilldown-disbursement")).toContainText("84 000,00 $");
  await expect(page.getByTestId("drilldown-disbursement")).toContainText("T3 2001-2002");
});
