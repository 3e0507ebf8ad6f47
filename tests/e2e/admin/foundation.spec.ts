import { expect, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

test("the admin sees the FY 2001-2002 budget per programme in both languages", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/budgets?fy=2001-2002");
  await expect(page.getByRole("heading", { name: "Budget overview" })).toBeVisible();
  const mapp = page.getByTestId("budget-row-MAPP");
  const mmp = page.getByTestId("budget-row-MMP");
  await expect(mapp).toBeVisible();
  await expect(mmp).toBeVisible();
  // Every row's available figure is allocated minus committed, as displayed.
  for (const row of [mapp, mmp]) {
    const cents = async (testId: string) =>
      Number(await row.getByTestId(testId).locator("[data-amount]").getAttribute("data-amount"));
    expect(await cents("available")).toBe((await cents("allocated")) - (await cents("committed")));
    expect(await cents("disbursed")).toBeLessThanOrEqual(await cents("committed"));
  }
  // ICBL ($484,744), MAC ($317,400) and Warsaw ($40,803) are all committed in FY 2001-2002.
  const committed = Number(
    await page.getByTestId("budget-totals").locator("[data-amount]").nth(1).getAttribute("data-amount"),
  );
  expect(committed).toBeGreaterThanOrEqual(48_474_400 + 31_740_000 + 4_080_300);

  await switchToFrench(page);
  await expect(page.getByRole("heading", { name: "Vue d'ensemble du budget" })).toBeVisible();
  await expect(page.getByTestId("budget-table")).toContainText("Exercice 2001-2002");
});

test("a program officer is refused by the admin console", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("officer@example.org");
  await page.getByLabel("Password").fill("demo-password-2001");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Answered exactly as a wrong password: the console does not confirm that the password was right.
  await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  await page.goto("/budgets");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the admin API refuses a request without an admin session", async ({ request }) => {
  const response = await request.get(
    `/api/trpc/budgets.overview?input=${encodeURIComponent(JSON.stringify({ json: { fiscalYear: 2001 } }))}`,
  );
  expect(response.status()).toBe(401);
});
