import { test } from "@playwright/test";
import { signIn } from "../support/sign-in";

test("measure", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, "officer");
  for (const path of ["/dashboard", "/grants", "/reports", "/reports?view=all"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    console.log("officer", path, await page.evaluate(() => document.documentElement.scrollWidth));
  }
  await page.goto("/grants");
  await page.screenshot({ path: `/tmp/portal-part-x7/shots/mobile2-officer-grants.png` });
});
