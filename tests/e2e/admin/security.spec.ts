import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { users } from "@portal/db";
import { createDb } from "@portal/db/client";
import { hashPassword } from "@portal/domain/password";
import { generate } from "otplib";
import { expectSecurityHeaders, scriptPolicyOf, watchCspViolations } from "../support/security";
import { signIn } from "../support/sign-in";

test.setTimeout(120_000);

const PASSWORD = "a-long-e2e-password-2001";

test("admin console pages and API responses carry the security headers", async ({ request }) => {
  const page = await request.get("/sign-in");
  scriptPolicyOf(expectSecurityHeaders(page)["content-security-policy"]!);
  for (const path of ["/api/auth/session", "/api/trpc/users.list"]) {
    const api = await request.get(path);
    expect(expectSecurityHeaders(api)["cache-control"], path).toContain("no-store");
  }
});

test("a non-admin's right password is answered exactly as a wrong one", async ({ page }) => {
  const texts: string[] = [];
  for (const password of ["demo-password-2001", "wrong-password"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("officer2@example.org");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
    texts.push(await page.getByTestId("sign-in-error").innerText());
  }
  expect(texts[0]).toBe("Email or password is incorrect.");
  expect(texts[1]).toBe(texts[0]);
});

test("an admin enrols an authenticator under the CSP, then sign-in asks for its code", async ({ page, browser }) => {
  // A fresh admin straight in the database, so the seeded admin used by other tests keeps signing in without a code.
  const email = `totp-${randomUUID().slice(0, 8)}@example.org`;
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db
      .insert(users)
      .values({ email, name: "Tess Totp", role: "admin", passwordHash: await hashPassword(PASSWORD) });
  } finally {
    await db.close();
  }
  const violations = await watchCspViolations(page);
  const signInAs = async (target: typeof page) => {
    await target.goto("/sign-in");
    await target.getByLabel("Email").fill(email);
    await target.getByLabel("Password").fill(PASSWORD);
    await target.getByRole("button", { name: "Sign in" }).click();
  };
  await signInAs(page);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.getByTestId("user-name").click();
  await expect(page.getByRole("heading", { name: "Account security", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("totp-status")).toHaveText(/is set up/);
  expect(violations).toEqual([]);

  const other = await (await browser.newContext()).newPage();
  await signInAs(other);
  await expect(other.getByTestId("sign-in-error")).toHaveText(/6-digit code/);
  // The code must be a new one: the enrolment already used the current step.
  const step = Math.floor(Date.now() / 30_000) + 1;
  await other.getByLabel("Authentication code").fill(await generate({ secret, epoch: step * 30 }));
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).not.toHaveURL(/\/sign-in/);
  await other.close();
});

test("the admin ends all of a user's sessions from the user page", async ({ page, browser }) => {
  // A fresh officer, so no other test's session is ended.
  const email = `ended-${randomUUID().slice(0, 8)}@example.org`;
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db
      .insert(users)
      .values({ email, name: "Eddie Ended", role: "officer", passwordHash: await hashPassword(PASSWORD) });
  } finally {
    await db.close();
  }
  const webOrigin = `http://localhost:${process.env.E2E_WEB_PORT ?? 3100}`;
  const portal = await (await browser.newContext()).newPage();
  await portal.goto(`${webOrigin}/sign-in`);
  await portal.getByLabel("Email").fill(email);
  await portal.getByLabel("Password").fill(PASSWORD);
  await portal.getByRole("button", { name: "Sign in" }).click();
  await expect(portal).not.toHaveURL(/\/sign-in/);

  await signIn(page, "admin");
  await page.goto(`/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId(`user-row-${email}`).getByRole("link").click();
  await expect(page.getByTestId("user-sessions")).toContainText("One active session.");
  await page.getByRole("button", { name: "End all sessions" }).click();
  await page.getByRole("button", { name: "End sessions", exact: true }).click();
  await expect(page.getByTestId("user-sessions")).toContainText("One session ended.");
  await portal.goto(`${webOrigin}/grants`);
  await expect(portal).toHaveURL(/\/sign-in/);
  await portal.close();
});
