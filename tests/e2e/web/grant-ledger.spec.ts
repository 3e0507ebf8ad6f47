import { type Browser, expect, type Page, test } from "@playwright/test";
import { takeTurnOnFiscalYear } from "../support/fiscal-year-turn";
import { signIn } from "../support/sign-in";

const adminUrl = () => `http://localhost:${process.env.E2E_ADMIN_PORT ?? "3101"}`;

/** The FY 2002-2003 budget totals row as the admin console shows it, in cents: [allocated, committed, disbursed, available]. */
async function budgetTotals(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ baseURL: adminUrl() });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto("/budgets?fy=2002-2003");
  const cells = page.getByTestId("budget-totals").locator("[data-amount]");
  await expect(cells).toHaveCount(4);
  const values = (await cells.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-amount")))).map(Number);
  await context.close();
  return values;
}

async function asOfficer(browser: Browser, who: "officer" | "officer2", path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  await page.goto(path);
  return page;
}

async function optionValue(page: Page, select: string, text: string | RegExp): Promise<string> {
  const value = await page
    .getByLabel(select)
    .first()
    .locator("option", { hasText: text })
    .first()
    .getAttribute("value");
  expect(value).toBeTruthy();
  return value!;
}

let turn: { release: () => Promise<void> } | undefined;
test.afterEach(async () => {
  await turn?.release();
  turn = undefined;
});

test("an officer creates a two-programme grant, another approves it, payments are scheduled and disbursed", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The keyboard journey pays an FY 2002-2003 instalment: it must not land between the two budget readings.
  turn = await takeTurnOnFiscalYear(2002);
  const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const before = await budgetTotals(browser);

  // 1. Officer 1 drafts the grant: two components, funded from MAPP and MMP in FY 2002-2003.
  await signIn(page, "officer");
  await page.goto("/grants/new");
  await page.getByLabel("Reference").fill(reference);
  await page
    .getByLabel("Recipient organisation")
    .selectOption(await optionValue(page, "Recipient organisation", "Mines Action Canada"));
  await page.getByLabel("Title (English)").first().fill("Youth outreach on the Convention");
  await page.getByLabel("Title (French)").first().fill("Sensibilisation des jeunes à la Convention");
  await page.getByLabel("Total amount (CAD)").fill("10,000.00");
  await page.getByLabel("Start date").fill("2002-04-01");
  await page.getByLabel("End date").fill("2003-03-31");
  const first = page.getByRole("group", { name: "Component 1" });
  await first.getByLabel("Title (English)").fill("School visits");
  await first.getByLabel("Title (French)").fill("Visites scolaires");
  await first.getByLabel("Amount (CAD)").fill("6,000.00");
  await page.getByRole("button", { name: "Add a component" }).click();
  const second = page.getByRole("group", { name: "Component 2" });
  await second.getByLabel("Title (English)").fill("Teaching materials");
  await second.getByLabel("Title (French)").fill("Matériel pédagogique");
  await second.getByLabel("Amount (CAD)").fill("4,000.00");
  await expect(page.getByTestId("components-sum")).toContainText("$10,000.00");

  const mapp = page.getByRole("group", { name: "Funding line 1" });
  await mapp
    .getByLabel("Programme allocation")
    .selectOption(await optionValue(page, "Programme allocation", /MAPP · 2002-2003/));
  await mapp.getByLabel("Amount (CAD)").fill("6,000.00");
  await page.getByRole("button", { name: "Add a funding line" }).click();
  const mmp = page.getByRole("group", { name: "Funding line 2" });
  await mmp
    .getByLabel("Programme allocation")
    .selectOption(await optionValue(page, "Programme allocation", /MMP · 2002-2003/));
  await mmp.getByLabel("Amount (CAD)").fill("4,000.00");
  await page.getByRole("button", { name: "Create grant" }).click();

  await expect(page.getByRole("heading", { name: /Youth outreach on the Convention/ })).toBeVisible();
  await expect(page.getByTestId("grant-total")).toHaveText("$10,000.00");
  await expect(page.getByTestId("funding-table")).toContainText("MAPP");
  await expect(page.getByTestId("funding-table")).toContainText("MMP");
  const grantPath = new URL(page.url()).pathname;

  // 2. Submitted by its creator, who may not approve it (four eyes).
  await page.getByTestId("grant-action-submit").click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("Submitted for approval")).toBeVisible();
  await expect(page.getByTestId("grant-action-approve")).toHaveCount(0);

  // 3. Officer 2 approves and activates it, then schedules the first instalment.
  const reviewer = await asOfficer(browser, "officer2", grantPath);
  await reviewer.getByTestId("grant-action-approve").click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByTestId("grant-action-activate")).toBeVisible();
  await reviewer.getByTestId("grant-action-activate").click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "Activate" }).click();
  await expect(reviewer.getByTestId("grant-committed")).toHaveText("$10,000.00");
  const schedule = reviewer.getByTestId("schedule-form");
  await schedule.getByLabel("Due on").fill("2002-05-01");
  await schedule.getByLabel("Amount (CAD)").fill("6,000.00");
  await schedule.getByLabel("Description (English)").fill("60% on signature");
  await schedule.getByRole("button", { name: "Schedule payment" }).click();
  await expect(reviewer.getByTestId("payment-row-1")).toContainText("$6,000.00");
  await reviewer.getByTestId("payment-1-markDue").click();
  await expect(reviewer.getByTestId("payment-row-1")).toContainText("Due");
  // The officer who scheduled the instalment is not offered its approval.
  await expect(reviewer.getByTestId("payment-1-approve")).toHaveCount(0);

  // 4. Officer 1 approves the instalment and pays it.
  await page.reload();
  // Approval moves money: a dialog names the amount and starts on Cancel; Escape leaves the instalment as it was.
  await page.getByTestId("payment-1-approve").click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("$6,000.00");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("payment-row-1")).toContainText("Due");
  await page.getByTestId("payment-1-approve").click();
  await dialog.getByRole("button", { name: "Approve $6,000.00" }).click();
  await expect(page.getByText("Payment updated: Approve payment.")).toBeVisible();
  await expect(page.getByTestId("payment-row-1")).toContainText("Approved");
  await page.getByTestId("payment-row-1").getByRole("button", { name: "Pay…" }).click();
  const pay = page.getByTestId("payment-row-1").getByTestId("disbursement-form");
  await pay.getByLabel("Paid on").fill("2002-05-02");
  await pay.getByLabel("Payment reference").fill(`${reference}-1`);
  await pay.getByRole("button", { name: "Record disbursement" }).click();
  await expect(page.getByTestId("payment-row-1")).toContainText("Paid");
  await expect(page.getByTestId("grant-disbursed")).toHaveText("$6,000.00");
  await expect(page.getByTestId("disbursements-table")).toContainText("FY 2002-2003, Q1");

  // 5. A payment outside the schedule is requested, never paid by one person: more than can still be scheduled is
  //    refused on the amount field; a smaller one is added as due and waits for another officer's approval.
  const unscheduled = page.getByTestId("unscheduled-payment-form");
  await unscheduled.getByLabel("Amount (CAD)").fill("5,000.00");
  await unscheduled.getByLabel("What the payment is for").fill("Extra printing");
  await unscheduled.getByRole("button", { name: "Request the payment" }).click();
  await expect(unscheduled.getByLabel("Amount (CAD)")).toHaveAccessibleDescription(/\$4,000\.00/);
  await unscheduled.getByLabel("Amount (CAD)").fill("1,500.00");
  await unscheduled.getByRole("button", { name: "Request the payment" }).click();
  await expect(page.getByTestId("payment-row-2")).toContainText("Due");
  await expect(page.getByTestId("payment-2-blocked-approve")).toContainText("Another officer has to approve");
  await expect(page.getByTestId("payment-2-approve")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("grant-disbursed")).toHaveText("$6,000.00");

  // 6. The programme budgets moved by exactly the new commitment and payment.
  const after = await budgetTotals(browser);
  expect(after[1]! - before[1]!).toBe(1_000_000);
  expect(after[2]! - before[2]!).toBe(600_000);
  expect(after[3]! - before[3]!).toBe(-1_000_000);
});
