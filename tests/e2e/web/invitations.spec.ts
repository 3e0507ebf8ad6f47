import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

test("an ICBL manager invites a colleague, who accepts, signs in and sees only ICBL", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `colleague-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@icbl.example.org`;
  const password = "a colleague's long password";

  // 1. The manager (manage_members) creates the invitation; it is e-mailed, and the link is shown too.
  await signIn(page, "partnerIcbl");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name (optional)").fill("Casey Colleague");
  await page.getByRole("checkbox", { name: "Submit reports" }).check();
  await page.getByTestId("send-invitation").click();
  await expect(page.getByTestId("invitation-link")).toContainText("has been e-mailed to your colleague");
  const url = await page.getByTestId("invitation-url").inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId(`invitation-${email}`)).toContainText("Waiting");

  // 2. The colleague opens the link in their own browser, chooses a password and is signed in.
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(url);
  await expect(colleague.getByText("International Campaign to Ban Landmines")).toBeVisible();
  await expect(colleague.getByLabel("Your name")).toHaveValue("Casey Colleague");
  await colleague.getByLabel("Password", { exact: true }).fill(password);
  await colleague.getByLabel("Confirm the password").fill("something else entirely");
  await colleague.getByTestId("accept-invitation").click();
  await expect(colleague.getByText("The two passwords are not the same.")).toBeVisible();
  await colleague.getByLabel("Confirm the password").fill(password);
  await colleague.getByTestId("accept-invitation").click();
  await expect(colleague).toHaveURL(/\/partner$/);
  await expect(
    colleague.getByRole("heading", { name: "International Campaign to Ban Landmines", level: 1 }),
  ).toBeVisible();

  // 3. They see ICBL only: workspace, grants list, and another organisation's grant is not found.
  await expect(colleague.locator("main")).not.toContainText("CLF-2001-MAC");
  await colleague.getByRole("link", { name: "Our grants" }).click();
  await expect(colleague.getByTestId("grant-row-CLF-2001-ICBL")).toBeVisible();
  await expect(colleague.getByTestId("grants-table")).not.toContainText("MAC");
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  await officer.goto("/grants?q=CLF-2001-MAC");
  const macHref = await officer.getByRole("link", { name: "CLF-2001-MAC" }).getAttribute("href");
  await officer.context().close();
  expect((await colleague.goto(macHref!))?.status()).toBe(404);

  // 4. They sign out and back in with their new password.
  await colleague.context().clearCookies();
  await colleague.goto("/sign-in");
  await colleague.getByLabel("Email").fill(email);
  await colleague.getByLabel("Password").fill(password);
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague).toHaveURL(/\/partner$/);

  // 5. The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(url);
  await expect(again.getByTestId("invitation-problem")).toContainText("already been used");

  // 6. The manager sees the new colleague, with the rights given.
  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText("Submit reports");
});

test("a partner without manage_members sees colleagues but cannot invite", async ({ page }) => {
  await signIn(page, "partnerMac");
  await page.goto("/members");
  await expect(page.getByTestId("members-table")).toContainText("partner@mac.example.org");
  await expect(page.getByTestId("send-invitation")).toHaveCount(0);
  await expect(page.getByText("ask one of them")).toBeVisible();
});
