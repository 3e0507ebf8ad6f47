import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { userSessions } from "@portal/db";
import { createDb } from "@portal/db/client";
import { sql } from "drizzle-orm";
import { expectSecurityHeaders, scriptPolicyOf, watchCspViolations } from "../support/security";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "../support/sign-in";

test.setTimeout(90_000);

const SESSION_COOKIE = "portal-web.session-token";

test("pages and API responses carry the security headers; each page gets its own nonce", async ({ request }) => {
  const first = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  const csp = expectSecurityHeaders(first)["content-security-policy"]!;
  const { nonce } = scriptPolicyOf(csp);
  // Next.js put the nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get("/sign-in");
  expect(scriptPolicyOf(second.headers()["content-security-policy"]!).nonce).not.toBe(nonce);

  for (const path of ["/api/auth/session", "/api/trpc/treaty.tracker", "/api/exports/grants?format=csv"]) {
    const api = await request.get(path);
    const headers = expectSecurityHeaders(api);
    expect(headers["cache-control"], path).toContain("no-store");
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
  }
});

test("the portal works under its CSP: signing in and using a form raise no violation", async ({ page }) => {
  const violations = await watchCspViolations(page);
  await signIn(page, "officer");
  const response = await page.goto("/account");
  expect(response!.headers()["cache-control"]).toContain("no-store");
  expect(response!.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
  // A client-side form round trip through tRPC: the refusal appears on the field, so the page's scripts ran.
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password").fill("quartz lantern orbit meadow");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not correct.")).toBeVisible();
  await page.goto("/grants/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/grants");
  await page.getByLabel("Search", { exact: true }).fill("Mines Action Canada");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Mines/);
  expect(violations).toEqual([]);
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ page, browser }) => {
  await signIn(page, "partnerMac");
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
  expect(cookie).toBeDefined();

  const thief = await browser.newContext();
  await thief.addCookies([cookie]);
  const stolen = await thief.newPage();
  await stolen.goto("/grants");
  await expect(stolen).not.toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await stolen.goto("/grants");
  await expect(stolen).toHaveURL(/\/sign-in/);
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  await thief.close();
});

test("the session endpoint never extends a session past its absolute lifetime", async ({ page }) => {
  await signIn(page, "partnerIcbl");
  const before = await page.request.get("/api/auth/session");
  expect(await before.json()).toMatchObject({ user: { email: ACCOUNTS.partnerIcbl } });
  // The session reached its absolute end (it was used a moment ago, so only the absolute lifetime can end it).
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.execute(sql`
      update ${userSessions} set expires_at = now() - interval '1 second', last_seen_at = now()
       where user_id = (select id from users where email = ${ACCOUNTS.partnerIcbl})`);
  } finally {
    await db.close();
  }
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  await page.goto("/grants");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("after sign-in only same-origin paths are followed", async ({ page }) => {
  await signIn(page, "officer");
  for (const next of ["/%09/evil.example", "/%09%5Cevil.example", "//evil.example", "/%5C%5Cevil.example"]) {
    await page.goto(`/sign-in?next=${next}`);
    expect(page.url()).not.toContain("evil.example");
    expect(new URL(page.url()).origin).toBe(new URL(String(test.info().project.use.baseURL)).origin);
  }
  await page.goto(`/sign-in?next=${encodeURIComponent("/grants?fy=2001-2002")}`);
  await expect(page).toHaveURL(/\/grants\?fy=2001-2002/);
});

test("repeated failures for one account are throttled with a clear message and the wait", async ({ page }) => {
  const email = `nobody-${randomUUID().slice(0, 8)}@example.org`;
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 7; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toBeVisible();
  }
  await expect(page.getByTestId("sign-in-error")).toHaveText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
});
