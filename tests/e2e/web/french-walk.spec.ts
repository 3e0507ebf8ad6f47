import { expect, type Page, test } from "@playwright/test";
import { useFrench } from "../support/accessibility";
import { ENGLISH_PHRASES, expectNoCatalogueMisses, watchIntlErrors } from "../support/catalogue-misses";
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

async function walk(page: Page, paths: string[]) {
  const errors = watchIntlErrors(page);
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expectNoCatalogueMisses(page, errors);
  }
}

test.describe("French pages show no catalogue misses", () => {
  test.describe.configure({ timeout: 300_000 });

  test("the walker knows the English catalogue's sentences", () => {
    expect(ENGLISH_PHRASES.length).toBeGreaterThan(200);
  });

  test("every officer page", async ({ page, baseURL }) => {
    await signIn(page, "officer");
    await useFrench(page, baseURL!);
    const grant = await firstRecord(page, "/grants", new RegExp(`^/grants/${UUID}`));
    const report = await firstRecord(page, "/reports", new RegExp(`^/reports/${UUID}`));
    const conference = await firstRecord(page, "/conferences", new RegExp(`^/conferences/${UUID}`));
    const organisation = await firstRecord(page, "/organisations", new RegExp(`^/organisations/${UUID}`));
    await walk(page, [
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
    ]);
  });

  test("every partner page", async ({ page, baseURL }) => {
    await signIn(page, "partnerIcbl");
    await useFrench(page, baseURL!);
    const grant = await firstRecord(page, "/partner", new RegExp(`^/grants/${UUID}`));
    await walk(page, ["/partner", grant, "/reports", "/members"]);
  });
});
