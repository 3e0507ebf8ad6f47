import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createDb } from "@portal/db/client";
import { users } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { sql } from "drizzle-orm";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "../support/sign-in";

const webOrigin = () => `http://localhost:${process.env.E2E_WEB_PORT ?? 3100}`;
const PASSWORD = "a-long-e2e-password-2001";

// Two apps, two browser contexts and a password hash: more than the default 30 s on a small machine.
test.setTimeout(120_000);

async function signInToWeb(page: Page, email: string, password = PASSWORD) {
  await page.goto(`${webOrigin()}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("the admin assigns an officer to MMP: a MAPP grant is read-only for them and says why, then hidden", async ({
  page,
  browser,
}) => {
  // A fresh officer with no programme, straight in the database, so reruns never collide and no seeded account
  // changes; and a seeded grant funded by MAPP alone, read from the data.
  const email = `scope-${Date.now()}-${randomUUID().slice(0, 6)}@example.org`;
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  let mappGrant: { id: string; reference: string };
  try {
    await db
      .insert(users)
      .values({ email, name: "Sam Scope", role: "officer", passwordHash: await hashPassword(PASSWORD) });
    const [row] = await db.execute<{ id: string; reference: string }>(sql`
      select g.id, g.reference from grants g
      where g.status in ('submitted', 'approved', 'active') and exists (select 1 from funding_lines fl where fl.grant_id = g.id)
        and not exists (select 1 from funding_lines fl join allocations a on a.id = fl.allocation_id
                        join programmes p on p.id = a.programme_id where fl.grant_id = g.id and p.code <> 'MAPP')
      order by g.reference limit 1`);
    mappGrant = row!;
  } finally {
    await db.close();
  }

  // Unassigned, the officer reads the grant but manages nothing: the page says so.
  const web = await browser.newContext();
  const portal = await web.newPage();
  await signInToWeb(portal, email);
  await portal.goto(`${webOrigin()}/grants/${mappGrant.id}`);
  await expect(portal.getByTestId("read-only-notice")).toContainText("You are not assigned to any programme");

  // The admin gives them the Mine Monitoring Program; grants outside it stay read-only.
  await signIn(page, "admin");
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId(`user-row-${email}`).getByRole("link").click();
  const scope = page.getByTestId("officer-scope");
  await expect(scope.getByLabel(/^Read-only/)).toBeChecked();
  const save = scope.getByTestId("save-officer-scope");
  const mmp = scope.getByLabel(/^MMP — /);
  // A tick before the form is hydrated is lost when React takes over: tick again until the form has it.
  await expect(async () => {
    await mmp.setChecked(false);
    await mmp.setChecked(true);
    await expect(save).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await save.click();
  await expect(scope.getByTestId("officer-scope-saved")).toBeVisible();

  // Their next request: the MAPP grant is read-only because it is outside their programmes, with no action offered.
  await portal.reload();
  const notice = portal.getByTestId("read-only-notice");
  await expect(notice).toContainText("funded outside your programmes");
  await expect(portal.getByTestId("grant-actions")).toHaveCount(0);
  await expect(portal.locator('[data-testid^="grant-action-"]')).toHaveCount(0);
  // The Fund's officer, whose programmes fund it, is offered its lifecycle actions on the same page.
  const fund = await browser.newContext();
  const fundPage = await fund.newPage();
  await signInToWeb(fundPage, ACCOUNTS.officer, DEMO_PASSWORD);
  await fundPage.goto(`${webOrigin()}/grants/${mappGrant.id}`);
  await expect(fundPage.getByTestId("grant-actions")).toBeVisible();
  await expect(fundPage.getByTestId("read-only-notice")).toHaveCount(0);
  await fund.close();
  // Their budget view has their programme's years, and only it.
  await portal.goto(`${webOrigin()}/budget`);
  await expect(portal.getByTestId("programme-budget-MMP")).toBeVisible();
  await expect(portal.getByTestId("budget-MMP-2001-2002")).toBeVisible();
  await expect(portal.getByTestId("programme-budget-MAPP")).toHaveCount(0);

  // Hidden: the grant is no longer there for them at all, nor in their list.
  await scope.getByLabel(/^Hidden/).check();
  await scope.getByTestId("save-officer-scope").click();
  await expect(scope.getByTestId("officer-scope-saved")).toBeVisible();
  const response = await portal.goto(`${webOrigin()}/grants/${mappGrant.id}`);
  expect(response?.status()).toBe(404);
  await portal.goto(`${webOrigin()}/grants?q=${encodeURIComponent(mappGrant.reference)}`);
  await expect(portal.getByTestId(`grant-row-${mappGrant.reference}`)).toHaveCount(0);
  await web.close();
});
