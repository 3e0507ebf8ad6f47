import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import {
  freePort,
  runScript,
  startExternalPostgres,
  startScript,
  waitForStatus,
  type ExternalPostgres,
  type Instance,
} from "./support/deployment";

// An operator's deployment, end to end: an external PostgreSQL with an owner and an app role, migrations as the
// owner, the first admin by the command, both apps from the built output in production mode as the app role.
const ADMIN_EMAIL = "ops@ministry.example";
const ADMIN_PASSWORD = "Correct-Horse-2026-battery";

let database: ExternalPostgres;
let web: Instance;
let admin: Instance;
let settings: Record<string, string | undefined>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  database = await startExternalPostgres();
  const [webPort, adminPort] = [await freePort(), await freePort()];
  settings = {
    PORTAL_MODE: "production",
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    AUTH_SECRET: randomBytes(33).toString("base64"),
    PORTAL_URL: `http://localhost:${webPort}`,
    ADMIN_URL: `http://localhost:${adminPort}`,
    PORTAL_DEMO_DATA: "",
  };
  const migrated = await runScript("seed.ts", [], settings);
  expect(migrated.code, migrated.output).toBe(0);
  const created = await runScript("admin-create.ts", ["--email", ADMIN_EMAIL, "--name", "Operations"], {
    ...settings,
    PORTAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
  });
  expect(created.code, created.output).toBe(0);
  web = startScript("web", "serve.ts", ["web"], { ...settings, PORT: String(webPort) }, settings.PORTAL_URL!);
  admin = startScript("admin", "serve.ts", ["admin"], { ...settings, PORT: String(adminPort) }, settings.ADMIN_URL!);
  await waitForStatus(`${web.url}/api/ready`, 200, { instance: web });
  await waitForStatus(`${admin.url}/api/ready`, 200, { instance: admin });
});

test.afterAll(async () => {
  await Promise.all([web?.child.stop(), admin?.child.stop()]);
  await database?.destroy();
});

test("a missing setting is named, and nothing starts", async () => {
  const { code, output } = await runScript("serve.ts", ["web"], { ...settings, AUTH_SECRET: "", PORTAL_URL: "" });
  expect(code).toBe(1);
  expect(output).toContain("AUTH_SECRET is not set");
  expect(output).toContain("PORTAL_URL is not set");
});

test("health and readiness answer on both apps, with one build id per app", async () => {
  for (const instance of [web, admin]) {
    const health = await fetch(`${instance.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { buildId: string }).buildId).toMatch(/\S+/);
    const ready = await fetch(`${instance.url}/api/ready`);
    expect(await ready.json()).toMatchObject({ ready: true, database: "ok", migrations: { current: true } });
  }
});

test("the database has reference data and no demo account or illustrative record", async () => {
  const sql = postgres(database.ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [counts] = await sql<{ [table: string]: number }[]>`
      select (select count(*)::int from users where email like '%@example.org') as demo_users,
             (select count(*)::int from users where active) as users,
             (select count(*)::int from users where not active and email like '%@system.invalid') as system_users,
             (select count(*)::int from grants) as grants,
             (select count(*)::int from organisations) as organisations,
             (select count(*)::int from programmes) as programmes,
             (select count(*)::int from conferences) as conferences,
             (select count(*)::int from countries) as countries,
             (select count(*)::int from treaty_status) as states_parties`;
    expect(counts).toMatchObject({
      demo_users: 0,
      users: 1, // the admin created by the command
      system_users: 1, // "Scheduled jobs", the worker's own account, which cannot sign in
      grants: 0,
      organisations: 0,
      programmes: 0,
      conferences: 0,
    });
    expect(counts?.countries).toBeGreaterThan(200);
    expect(counts?.states_parties).toBeGreaterThan(150);
    const owners = await sql<
      { tableowner: string }[]
    >`select distinct tableowner from pg_tables where schemaname = 'public'`;
    expect(owners.map((row) => row.tableowner)).toEqual(["grants_owner"]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test("the admin created by the command signs in to the console", async ({ page }) => {
  await page.goto(`${admin.url}/sign-in`);
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByText("Operations").first()).toBeVisible();
});

test("a database outage answers 503 everywhere, and the apps recover when it is back", async ({ page }) => {
  await database.stop();
  for (const instance of [web, admin]) {
    await waitForStatus(`${instance.url}/api/ready`, 503, { timeoutMs: 15_000 });
    // Pages' gate trusts a database success for a second: within it a page still renders (and redirects to sign-in),
    // never longer. The route handler and the pages may be separate module instances, each with its own probe.
    const pageResponse = await waitForStatus(`${instance.url}/`, 503, { timeoutMs: 5_000 });
    expect(pageResponse.status).toBe(503);
    const html = await pageResponse.text();
    expect(html).toContain("The portal is unavailable");
    expect(html).toContain("Le portail est indisponible");
    const api = await fetch(`${instance.url}/api/trpc/grants.list`, { redirect: "manual" });
    expect(api.status).toBe(503);
    expect((await fetch(`${instance.url}/api/health`)).status).toBe(200);
  }
  const shown = await page.goto(`${web.url}/grants`);
  expect(shown?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Le portail est indisponible" })).toBeVisible();

  await database.start();
  for (const instance of [web, admin]) await waitForStatus(`${instance.url}/api/ready`, 200, { timeoutMs: 30_000 });
  const back = await page.goto(`${web.url}/sign-in`);
  expect(back?.status()).toBe(200);
});

test("SIGTERM drains and stops each instance cleanly", async () => {
  for (const instance of [web, admin]) {
    await instance.child.stop(20_000);
    expect(instance.child.process.exitCode).toBe(0);
    expect(instance.output.join("\n")).toContain("[server] stopped");
  }
});
