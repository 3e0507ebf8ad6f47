import { expect, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

test.describe("program officer", () => {
  test("sees every grant with the source document's figures, in English and French", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/grants");
    await expect(page.getByRole("heading", { name: "Grants", level: 1 })).toBeVisible();
    const icbl = page.getByTestId("grant-row-CLF-2001-ICBL");
    await expect(icbl).toContainText("ICBL");
    await expect(icbl).toContainText("MAPP");
    await expect(icbl).toContainText("MMP");
    await expect(icbl).toContainText("2001-2002");
    await expect(icbl).toContainText("$484,744.00");
    await expect(page.getByTestId("grant-row-CLF-2001-MAC")).toContainText("$317,400.00");

    await switchToFrench(page);
    await expect(page.getByRole("heading", { name: "Subventions", level: 1 })).toBeVisible();
    // fr-CA groups with a narrow no-break space and puts the symbol after the amount.
    await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toContainText(/484\s744,00\s\$/);
  });

  test("opens ICBL's grant and sees the Landmine Monitor component", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/grants");
    await page.getByRole("link", { name: "CLF-2001-ICBL" }).click();
    await expect(page.getByTestId("grant-total")).toHaveText("$484,744.00");
    await expect(page.getByTestId("components-table")).toContainText("$210,000.00");
    await expect(page.getByTestId("components-table")).toContainText("Landmine Monitor");
  });

  test("searches and filters the grant list through the URL", async ({ page }) => {
    await signIn(page, "officer");
    await page.goto("/grants");
    await page.getByLabel("Search", { exact: true }).fill("Mines Action Canada");
    await page.getByLabel("Fiscal year").selectOption("2001-2002");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/fy=2001-2002/);
    await expect(page.getByTestId("grant-row-CLF-2001-MAC")).toBeVisible();
    await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toHaveCount(0);
  });
});

test.describe("partner", () => {
  test("sees only their own organisation's grants, and another's is not found by URL or API", async ({
    page,
    browser,
  }) => {
    // Find ICBL's grant id as an officer would see it.
    const officer = await browser.newPage();
    await signIn(officer, "officer");
    await officer.goto("/grants");
    const href = await officer.getByRole("link", { name: "CLF-2001-ICBL" }).getAttribute("href");
    await officer.close();
    expect(href).toMatch(/^\/grants\/[0-9a-f-]{36}$/);

    await signIn(page, "partnerMac");
    await page.goto("/grants");
    await expect(page.getByRole("heading", { name: "Our organisation's grants" })).toBeVisible();
    await expect(page.getByTestId("grant-row-CLF-2001-MAC")).toContainText("$317,400.00");
    await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toHaveCount(0);
    await expect(page.getByTestId("grants-table")).not.toContainText("ICBL");

    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const id = href!.split("/").pop()!;
    const api = await page.request.get(
      `/api/trpc/grants.byId?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`,
    );
    expect(api.status()).toBe(404);
    expect(JSON.stringify(await api.json())).not.toContain("484744");
  });
});

test.describe("signing in", () => {
  test("a wrong password shows a clear message and does not sign in", async ({ page }) => {
    await signIn(page, "officer", "wrong-password").catch(() => undefined);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByTestId("sign-in-error")).toHaveText("Email or password is incorrect.");
  });

  test("a signed-out visitor is sent to sign in and brought back afterwards", async ({ page }) => {
    await page.goto("/grants?fy=2001-2002");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill("officer@example.org");
    await page.getByLabel("Password").fill("demo-password-2001");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/grants\?fy=2001-2002/);
  });
});
