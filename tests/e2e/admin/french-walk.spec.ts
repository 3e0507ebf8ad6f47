import { expect, type Page, test } from "@playwright/test";
import { useFrench } from "../support/accessibility";
import { expectNoCatalogueMisses, watchIntlErrors } from "../support/catalogue-misses";
import { signIn } from "../support/sign-in";

const UUID = "[0-9a-f-]{36}$";

async function firstRecord(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const find = () =>
    page.locator("main a[href]").evaluateAll((links, source) => {
      const re = new RegExp(source);
      return links.map((a) => a.getAttribute("href") ?? "").find((h) => re.test(h)) ?? null;
    }, pattern.source);
  await expect.poll(find, { message: `a record link on ${list}`, timeout: 15_000 }).not.toBeNull();
  return (await find())!;
}

test("every console page in French shows no catalogue misses, and the audit log reads as words", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "admin");
  await useFrench(page, baseURL!);
  const user = await firstRecord(page, "/users", new RegExp(`^/users/${UUID}`));
  const organisation = await firstRecord(page, "/organisations", new RegExp(`^/organisations/${UUID}`));
  const errors = watchIntlErrors(page);
  for (const path of [
    "/",
    "/users",
    user,
    "/users/invite",
    "/organisations",
    organisation,
    "/organisations/new",
    "/budgets",
    "/budget-administration",
    "/iati",
    "/jobs",
    "/audit",
    "/account",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectNoCatalogueMisses(page, errors);
  }

  // The audit log: actions in words, records by name, no raw codes or UUIDs in its rows.
  await page.goto("/audit");
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  // E-mail addresses (a user's, an invitation's) are data, not codes: "partner@icbl.example.org" is left out.
  const text = (await page.getByTestId("audit-table").innerText()).replace(/\S+@\S+/g, "");
  expect(text).not.toMatch(/\b[a-z_]+\.[a-z][A-Za-z_]+\b/);
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
});
