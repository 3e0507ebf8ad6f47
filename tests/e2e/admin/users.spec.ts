import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createDb } from "@portal/db/client";
import { users } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { signIn } from "../support/sign-in";

const webOrigin = () => `http://localhost:${process.env.E2E_WEB_PORT ?? 3100}`;
const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${randomUUID().slice(0, 6)}@mac.example.org`;
const PASSWORD = "a-long-e2e-password-2001";

// Two apps, two browser contexts and a password hash per test: more than the default 30 s on a small machine.
test.setTimeout(120_000);

async function signInToWeb(page: Page, email: string, password: string) {
  await page.goto(`${webOrigin()}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the admin invites a partner colleague at MAC, who accepts in the portal and sees only MAC's grants", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("colleague");
  await signIn(page, "admin");
  await page.goto("/users");
  await page.getByRole("link", { name: "Invite someone" }).click();
  await expect(page.getByText("The invitation link is e-mailed to the person")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name (optional)").fill("Casey Colleague");
  await page.getByLabel("Role").selectOption("partner");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "MAC — Mines Action Canada" });
  await page.getByLabel("Submit reports").check();
  await page.getByRole("button", { name: "Create the invitation" }).click();

  const sent = page.getByTestId("invitation-sent");
  await expect(sent).toContainText(`Invitation created for ${email}`);
  await expect(sent).toContainText("The invitation has been e-mailed");
  const acceptUrl = await page.getByTestId("accept-link").inputValue();
  expect(acceptUrl).toMatch(new RegExp(`^${webOrigin()}/invite/[\\w-]+$`));
  await page.goto("/users");
  await expect(page.getByTestId("pending-invitations")).toContainText(email);

  // The invitee, in their own browser, on the portal.
  const invitee = await browser.newContext();
  const portal = await invitee.newPage();
  await portal.goto(acceptUrl);
  await expect(portal.getByText(`join Mines Action Canada as ${email}`)).toBeVisible();
  await portal.getByLabel("Your name").fill("Casey Colleague");
  await portal.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await portal.getByLabel("Confirm the password").fill(PASSWORD);
  await portal.getByRole("button", { name: "Create my account" }).click();
  await expect(portal).not.toHaveURL(/\/invite\//);
  if (new URL(portal.url()).pathname.startsWith("/sign-in")) await signInToWeb(portal, email, PASSWORD);

  await portal.goto(`${webOrigin()}/grants`);
  const rows = portal.locator('[data-testid^="grant-row-"]');
  await expect(portal.getByTestId("grant-row-CLF-2001-MAC")).toBeVisible();
  const references = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-testid")!.replace("grant-row-", "")),
  );
  expect(references.length).toBeGreaterThan(0);
  // Seeded grants are named after their recipient; grants other specs create (E2E-…) are MAC's too or not visible.
  expect(
    references.filter((reference) => reference.startsWith("CLF-")).every((reference) => reference.endsWith("-MAC")),
  ).toBe(true);
  expect(references).not.toContain("CLF-2001-ICBL");
  await invitee.close();

  // Back in the console: the colleague is an active partner at MAC, with the capability given.
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("Partner");
  await expect(row).toContainText("MAC");
  await row.getByRole("link").click();
  await expect(page.getByTestId("membership").getByLabel("Submit reports")).toBeChecked();
});

test("the admin deactivates a user, whose open portal session is refused on the next request", async ({
  page,
  browser,
}) => {
  // A fresh officer straight in the database, so reruns never collide and no seeded account is touched.
  const email = uniqueEmail("leaver").replace("@mac.example.org", "@example.org");
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db
      .insert(users)
      .values({ email, name: "Lee Leaver", role: "officer", passwordHash: await hashPassword(PASSWORD) });
  } finally {
    await db.close();
  }

  const web = await browser.newContext();
  const portal = await web.newPage();
  await signInToWeb(portal, email, PASSWORD);
  await expect(portal).not.toHaveURL(/\/sign-in/);
  await portal.goto(`${webOrigin()}/grants`);
  await expect(portal.getByTestId("grants-table")).toBeVisible();

  await signIn(page, "admin");
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId(`user-row-${email}`).getByRole("link").click();
  await page.getByTestId("deactivate").click();
  await page.getByTestId("confirm-deactivate").click();
  await expect(page.getByTestId("user-status")).toHaveText("Deactivated");

  // The same browser session, its next navigation: sent to sign in, and signing in again is refused.
  await portal.goto(`${webOrigin()}/grants`);
  await expect(portal).toHaveURL(/\/sign-in/);
  await signInToWeb(portal, email, PASSWORD);
  await expect(portal).toHaveURL(/\/sign-in/);
  await expect(portal.getByTestId("sign-in-error")).toBeVisible();

  // Reactivated, they are let in again (the refused attempt left them signed out: they sign in).
  await page.getByTestId("reactivate").click();
  await expect(page.getByTestId("user-status")).toHaveText("Active");
  await portal.goto(`${webOrigin()}/grants`);
  if (new URL(portal.url()).pathname.startsWith("/sign-in")) await signInToWeb(portal, email, PASSWORD);
  await expect(portal).not.toHaveURL(/\/sign-in/);
  await web.close();
});

test("the admin cannot deactivate their own account", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/users?q=admin%40example.org");
  await page.getByTestId("user-row-admin@example.org").getByRole("link").click();
  await expect(page.getByText("This is your own account")).toHaveCount(2);
  await expect(page.getByTestId("deactivate")).toHaveCount(0);
});
