import { randomBytes, randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createDb, type Database, grants } from "@portal/db";
import { eq } from "drizzle-orm";
import { appEnvironment, startApp } from "../../scripts/lib/apps";
import type { ManagedChild } from "../../scripts/lib/child-process";
import { ACCOUNTS, DEMO_PASSWORD, switchToFrench } from "../e2e/support/sign-in";
import { callers } from "../integration/support/actors";
import { freshAllocation, grantIn, grantInput, organisationIdOf } from "../integration/support/ledger-fixtures";
import { startRoundRobin } from "./support/round-robin";
import { freePort, runScript, startExternalPostgres, waitForStatus, type ExternalPostgres } from "./support/deployment";

// Two portal instances from one build on one PostgreSQL, as behind a load balancer without sticky sessions: the
// session, the Server Actions and the ledger's locks must all hold across them.
let database: ExternalPostgres;
let owner: Database;
const instances: { url: string; child: ManagedChild }[] = [];
let balancer: Awaited<ReturnType<typeof startRoundRobin>>;
let publicUrl: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  database = await startExternalPostgres();
  const seeded = await runScript("seed.ts", ["--demo"], {
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
  });
  expect(seeded.code, seeded.output).toBe(0);
  owner = createDb(database.ownerUrl, { max: 4 });
  const ports = [await freePort(), await freePort()];
  const publicPort = await freePort();
  publicUrl = `http://localhost:${publicPort}`;
  const env = appEnvironment({
    databaseUrl: database.appUrl,
    authSecret: randomBytes(33).toString("base64"),
    portalUrl: publicUrl,
    adminUrl: publicUrl,
  });
  for (const port of ports) {
    const output: string[] = [];
    const child = startApp("web", { port, mode: "start", env, output: (line) => output.push(line) });
    instances.push({ url: `http://localhost:${port}`, child });
  }
  for (const instance of instances) await waitForStatus(`${instance.url}/api/ready`, 200);
  balancer = await startRoundRobin(publicPort, ports);
});

test.afterAll(async () => {
  await balancer?.close();
  await Promise.all(instances.map((instance) => instance.child.stop()));
  await owner?.close();
  await database?.destroy();
});

async function signInAt(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("Email").fill(ACCOUNTS.officer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("both instances run the same build", async () => {
  const ids = await Promise.all(
    instances.map(
      async ({ url }) => ((await (await fetch(`${url}/api/health`)).json()) as { buildId: string }).buildId,
    ),
  );
  expect(ids[0]).toBeTruthy();
  expect(ids[1]).toBe(ids[0]);
});

test("behind a round-robin balancer every step may land on either instance: pages, a form, the language switch", async ({
  page,
}) => {
  const before = [...balancer.served];
  await signInAt(page, publicUrl);
  await page.goto(`${publicUrl}/grants`);
  await expect(page.getByRole("link", { name: "CLF-2001-ICBL" })).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill("Mines Action Canada");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("grant-row-CLF-2001-MAC")).toBeVisible();
  await expect(page.getByTestId("grant-row-CLF-2001-ICBL")).toHaveCount(0);
  await switchToFrench(page);
  for (const path of ["/dashboard", "/grants", "/treaty"]) {
    await page.goto(`${publicUrl}${path}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveURL(new RegExp(path));
  }
  // Both instances served part of it.
  expect(balancer.served[0]! - before[0]!).toBeGreaterThan(3);
  expect(balancer.served[1]! - before[1]!).toBeGreaterThan(3);
});

test("payments raced across both instances never overspend a grant", async ({ page }) => {
  const icbl = await organisationIdOf(owner, "icbl");
  const allocation = await freshAllocation(owner, 50_000_000);
  const total = 10_000_000;
  const grantId = await grantIn(owner, "active", grantInput(icbl, [allocation], total));

  await signInAt(page, instances[0]!.url);
  const post = (i: number, procedure: string, json: unknown) => {
    const { url } = instances[i % 2]!;
    return page.request.post(`${url}/api/trpc/${procedure}`, {
      headers: { "content-type": "application/json", origin: url },
      data: { json },
    });
  };
  const amount = 1_500_000; // 6 fit in the total, 20 are tried

  // Every payment has four eyes: 20 requests for an unscheduled payment race across the instances; 6 fit.
  const requests = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      post(i, "payments.requestUnscheduled", { grantId, amount, dueOn: "2002-07-15", reason: `Race ${i}` }),
    ),
  );
  const requestStatuses = requests.map((response) => response.status());
  expect(
    requestStatuses.every((status) => status === 200 || status === 409),
    requestStatuses.join(","),
  ).toBe(true);
  const instalments: string[] = [];
  for (const response of requests.filter((r) => r.status() === 200)) {
    instalments.push(((await response.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id);
  }
  expect(instalments).toHaveLength(Math.floor(total / amount));

  // Another officer approves them; then each is paid twice at once, once through each instance: one payment each.
  const { web: reviewer } = await callers(owner, "officer2");
  for (const id of instalments) await reviewer.payments.act({ id, action: "approve" });
  const payments = await Promise.all(
    instalments.flatMap((scheduledPaymentId, n) =>
      [0, 1].map((copy) =>
        post(n * 2 + copy, "disbursements.record", {
          grantId,
          scheduledPaymentId,
          paidOn: "2002-07-15",
          amount,
          reference: `EFT-race-${n}-${copy}`,
          idempotencyKey: randomUUID(),
        }),
      ),
    ),
  );
  const paymentStatuses = payments.map((response) => response.status());
  expect(
    paymentStatuses.every((status) => status === 200 || status === 409),
    paymentStatuses.join(","),
  ).toBe(true);
  const accepted = paymentStatuses.filter((status) => status === 200).length;
  expect(accepted).toBe(instalments.length);
  const [grant] = await owner.select({ disbursed: grants.disbursed }).from(grants).where(eq(grants.id, grantId));
  expect(grant?.disbursed).toBe(accepted * amount);
  expect(grant!.disbursed).toBeLessThanOrEqual(total);
});
