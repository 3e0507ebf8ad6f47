import { type Browser, expect, type Page, test } from "@playwright/test";
import { type ACCOUNTS, signIn } from "../support/sign-in";

// Issue 10's journey, in the browser: the admin opens FY 2027-2028 and allocates MAPP; officer 1 creates and submits
// a grant on it, officer 2 approves it; an instalment tied to the interim report is refused until the partner's report
// is accepted, then paid; officer 1 proposes an amendment extending the grant into FY 2028-2029 (a new funding line
// there), cutting its total and replacing a component; officer 2 finds it on their dashboard and approves it, and the
// admin's budget figures move by exactly the amended amounts. An officer not assigned to MAPP is refused.

const adminUrl = () => `http://localhost:${process.env.E2E_ADMIN_PORT ?? "3101"}`;

/** A date `days` from today (UTC), as YYYY-MM-DD: payments must fall inside the grant's period and never in the future. */
function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function as(browser: Browser, who: keyof typeof ACCOUNTS, path: string, baseURL?: string): Promise<Page> {
  const page = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  await signIn(page, who);
  await page.goto(path);
  return page;
}

/** MAPP's row of a fiscal year in the admin's budget review, in cents: allocated, committed, disbursed, available. */
async function mappFigures(
  admin: Page,
  fiscalYear = "2027-2028",
): Promise<Record<"allocated" | "committed" | "disbursed" | "available", number>> {
  await admin.goto(`/budgets?fy=${fiscalYear}`);
  const row = admin.getByTestId("budget-row-MAPP");
  const cell = async (name: string) =>
    Number(await row.getByTestId(name).locator("[data-amount]").first().getAttribute("data-amount"));
  return {
    allocated: await cell("allocated"),
    committed: await cell("committed"),
    disbursed: await cell("disbursed"),
    available: await cell("available"),
  };
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

/** The admin opens a fiscal year (it may be open already) and sets MAPP's allocation in it. */
async function openAndAllocateMapp(admin: Page, year: number, amount: string) {
  await admin.goto("/budget-administration");
  const open = admin.getByTestId("open-fiscal-year-form");
  await open.getByLabel("Fiscal year").fill(String(year));
  await open.getByRole("button", { name: "Open the fiscal year" }).click();
  await expect(open.getByRole("status").or(open.getByTestId("open-fiscal-year-form-error"))).toBeVisible();
  if (await open.getByTestId("open-fiscal-year-form-error").isVisible()) {
    await expect(open.getByTestId("open-fiscal-year-form-error")).toContainText("already open");
  }
  await admin.reload();
  const allocate = admin.getByTestId("set-allocation-form");
  await allocate
    .getByLabel("Programme")
    .selectOption(await optionValue(admin, "Programme", /MAPP|Mine Action Partnership/));
  await allocate.getByLabel("Fiscal year").selectOption(String(year));
  await allocate.getByLabel("Amount (CAD)").fill(amount);
  await allocate.getByLabel("Reason").fill(`MAPP budget for FY ${year}-${year + 1}.`);
  await allocate.getByRole("button", { name: "Save the allocation" }).click();
  await expect(allocate.getByRole("status")).toHaveText("Saved.");
}

test("a fiscal year run end to end: budget, grant, report-tied instalment, amendment, budget figures", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const reference = `FY27-${Date.now().toString(36).toUpperCase()}`;
  const startsOn = isoDaysFromToday(-7);
  const paidOn = isoDaysFromToday(-1);

  // 1. The admin opens FY 2027-2028 and FY 2028-2029 (unless the seed's present-day portfolio already did) and
  // allocates MAPP in both (the second for the amendment's extension).
  const admin = await as(browser, "admin", "/budget-administration", adminUrl());
  await openAndAllocateMapp(admin, 2027, "5,000,000.00");
  await openAndAllocateMapp(admin, 2028, "1,000,000.00");
  const opened = await mappFigures(admin);
  expect(opened.allocated).toBe(500_000_000);

  // 2. Officer 1 creates the grant on MAPP 2027-2028, with an interim and a final report, and submits it.
  await signIn(page, "officer");
  await page.goto("/grants/new");
  await page.getByLabel("Reference").fill(reference);
  await page
    .getByLabel("Recipient organisation")
    .selectOption(await optionValue(page, "Recipient organisation", "International Campaign to Ban Landmines"));
  await page.getByLabel("Title (English)").first().fill("Survey of suspected hazardous areas");
  await page.getByLabel("Title (French)").first().fill("Enquête sur les zones dangereuses soupçonnées");
  await page.getByLabel("Total amount (CAD)").fill("100,000.00");
  await page.getByLabel("Start date").fill(startsOn);
  await page.getByLabel("End date").fill("2028-03-31");
  const fieldWork = page.getByRole("group", { name: "Component 1" });
  await fieldWork.getByLabel("Title (English)").fill("Field work");
  await fieldWork.getByLabel("Title (French)").fill("Travail de terrain");
  await fieldWork.getByLabel("Amount (CAD)").fill("90,000.00");
  await page.getByRole("button", { name: "Add a component" }).click();
  const monitoring = page.getByRole("group", { name: "Component 2" });
  await monitoring.getByLabel("Title (English)").fill("Monitoring");
  await monitoring.getByLabel("Title (French)").fill("Suivi");
  await monitoring.getByLabel("Amount (CAD)").fill("10,000.00");
  const line = page.getByRole("group", { name: "Funding line 1" });
  await line
    .getByLabel("Programme allocation")
    .selectOption(await optionValue(page, "Programme allocation", /MAPP · 2027-2028/));
  await line.getByLabel("Amount (CAD)").fill("100,000.00");
  await page.getByRole("button", { name: "Create grant" }).click();
  await expect(page.getByTestId("grant-total")).toHaveText("$100,000.00");
  const grantPath = new URL(page.url()).pathname;

  for (const [stage, dueOn] of [
    ["interim", "2027-09-30"],
    ["final", "2028-04-30"],
  ] as const) {
    const form = page.locator("form", { has: page.getByRole("button", { name: "Add requirement" }) });
    await form.getByLabel("Stage").selectOption(stage);
    await form.getByLabel("Due", { exact: true }).fill(dueOn);
    await form.getByRole("button", { name: "Add requirement" }).click();
    await expect(page.getByTestId(`requirement-narrative-${stage}`)).toBeVisible();
  }
  await page.getByTestId("grant-action-submit").click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByTestId("grant-action-approve")).toHaveCount(0);

  // 3. Officer 2 approves and activates it: MAPP 2027-2028 commits exactly the grant.
  const officer2 = await as(browser, "officer2", grantPath);
  await officer2.getByTestId("grant-action-approve").click();
  await officer2.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
  await officer2.getByTestId("grant-action-activate").click();
  await officer2.getByRole("alertdialog").getByRole("button", { name: "Activate" }).click();
  await expect(officer2.getByTestId("grant-committed")).toHaveText("$100,000.00");
  const approved = await mappFigures(admin);
  expect(approved.committed - opened.committed).toBe(10_000_000);

  // 4. Officer 1 schedules 60% held until the interim report and 40% until the final report, and marks the first due.
  await page.reload();
  const schedule = page.getByTestId("schedule-form");
  for (const [amount, description, report] of [
    ["60,000.00", "60% on the interim report", /Interim/],
    ["40,000.00", "40% on the final report", /Final/],
  ] as const) {
    await schedule.getByLabel("Due on").fill(paidOn);
    await schedule.getByLabel("Amount (CAD)").fill(amount);
    await schedule.getByLabel("Description (English)").fill(description);
    await schedule
      .getByLabel("Held until this report is accepted")
      .selectOption(await optionValue(page, "Held until this report is accepted", report));
    await schedule.getByRole("button", { name: "Schedule payment" }).click();
    await expect(page.getByTestId("schedule-table")).toContainText(description);
  }
  await page.getByTestId("payment-1-markDue").click();
  await expect(page.getByTestId("payment-row-1")).toContainText("Due");

  // 5. The instalment tied to the interim report is refused while the report is not accepted, saying why.
  await officer2.reload();
  await expect(officer2.getByTestId("payment-1-approve")).toHaveCount(0);
  await expect(officer2.getByTestId("payment-1-blocked-approve")).toContainText(
    "Waits for its report to be accepted or waived.",
  );

  // 6. The partner submits the interim report; officer 2 accepts it.
  const partner = await as(browser, "partnerIcbl", grantPath);
  await partner.getByTestId("requirement-narrative-interim").getByRole("link", { name: "Submit" }).click();
  await partner.getByLabel("Report", { exact: true }).fill("Interim report: survey of the first two districts done.");
  await partner.getByTestId("submit-report").click();
  await expect(partner.getByTestId("report-status")).toHaveText("Submitted");
  await officer2.goto(new URL(partner.url()).pathname);
  await officer2.getByRole("button", { name: "Accept" }).click();
  await expect(officer2.getByTestId("report-status")).toHaveText("Accepted");

  // 7. Now officer 2 approves the instalment and officer 1 pays it.
  await officer2.goto(grantPath);
  await officer2.getByTestId("payment-1-approve").click();
  await officer2.getByRole("alertdialog").getByRole("button", { name: "Approve $60,000.00" }).click();
  await expect(officer2.getByTestId("payment-row-1")).toContainText("Approved");
  await page.reload();
  await page.getByTestId("payment-row-1").getByRole("button", { name: "Pay…" }).click();
  const pay = page.getByTestId("payment-row-1").getByTestId("disbursement-form");
  await pay.getByLabel("Paid on").fill(paidOn);
  await pay.getByLabel("Payment reference").fill(`${reference}-1`);
  await pay.getByRole("button", { name: "Record disbursement" }).click();
  await expect(page.getByTestId("payment-row-1")).toContainText("Paid");
  await expect(page.getByTestId("grant-disbursed")).toHaveText("$60,000.00");
  const beforeAmendment = await mappFigures(admin);
  const nextYearBefore = await mappFigures(admin, "2028-2029");

  // 8. Officer 1 proposes an amendment: six more months, the total cut to $90,000 (field work and the final 40%);
  // monitoring gives way to mine risk education, and $10,000 of it is funded from MAPP 2028-2029, a new line.
  await page.getByTestId("amendment-open").click();
  const form = page.getByTestId("amendment-form");
  await form.getByLabel("End date").fill("2028-09-30");
  await form.getByLabel("Total amount (CAD)").fill("90,000.00");
  await form.getByLabel("Field work").fill("70,000.00");
  await form.getByLabel("Monitoring").fill("0");
  await form.getByTestId("amendment-add-component").click();
  const added = form.getByTestId("amendment-new-component-0");
  await added.getByLabel("Title (English)").fill("Mine risk education");
  await added.getByLabel("Title (French)").fill("Éducation au risque des mines");
  await added.getByLabel("Amount (CAD)").fill("20,000.00");
  await form.getByLabel(/^MAPP 2027-2028/).fill("80,000.00");
  await form.getByTestId("amendment-add-line").click();
  const newLine = form.getByTestId("amendment-new-line-0");
  const nextYearOption = newLine.getByLabel("Allocation").locator("option", { hasText: "MAPP 2028-2029" });
  await newLine.getByLabel("Allocation").selectOption((await nextYearOption.getAttribute("value")) ?? "");
  await newLine.getByLabel("Amount (CAD)").fill("10,000.00");
  await form.getByLabel("Instalment 2 · Amount (CAD)").fill("30,000.00");
  await form.getByLabel("Reason for the amendment").fill("The last districts were cleared by another operator.");
  await form.getByTestId("amendment-submit").click();
  await expect(page.getByTestId("amendment-pending")).toContainText("Awaiting approval");
  await expect(page.getByTestId("amendment-action-approve")).toHaveCount(0);
  // Nothing moves until it is approved, and the partner does not see a proposal.
  await expect(page.getByTestId("grant-total")).toHaveText("$100,000.00");
  await partner.goto(grantPath);
  await expect(partner.getByTestId("amendment-pending")).toHaveCount(0);

  // An officer not assigned to MAPP (officer 3 has the Mine Monitoring Program only) reads the grant and is refused
  // every action on it: no lifecycle, payment or amendment button, and the page says why.
  const outsider = await as(browser, "officer3", grantPath);
  await expect(outsider.getByTestId("read-only-notice")).toContainText("funded outside your programmes");
  await expect(outsider.locator('[data-testid^="grant-action-"]')).toHaveCount(0);
  await expect(outsider.getByTestId("amendment-pending")).toBeVisible();
  await expect(outsider.getByTestId("amendment-action-approve")).toHaveCount(0);
  await expect(outsider.getByTestId("amendment-open")).toHaveCount(0);

  // 9. Officer 2 finds it on their dashboard (proposed by someone else, on a grant they manage) and approves it: the
  // grant, its history and the budget change by exactly the amended amounts.
  await officer2.goto("/dashboard");
  const awaiting = officer2.getByTestId(`amendment-${reference}`);
  await expect(awaiting).toContainText("end date");
  await expect(awaiting).toContainText("funding lines");
  await awaiting.getByRole("link", { name: "Review and decide" }).click();
  await expect(officer2).toHaveURL(new RegExp(`${grantPath}#amendments$`));
  await officer2.getByTestId("amendment-action-approve").click();
  await officer2.getByRole("alertdialog").getByRole("button", { name: "Approve amendment" }).click();
  const first = officer2.getByTestId("amendment-1");
  await expect(first).toContainText("Amendment 1");
  await expect(first.getByTestId("amendment-changes")).toContainText("End date");
  await expect(first.getByTestId("amendment-changes")).toContainText("$100,000.00");
  await expect(first.getByTestId("amendment-changes")).toContainText("$90,000.00");
  await expect(first.getByTestId("amendment-changes")).toContainText("Component removed: Monitoring");
  await expect(first.getByTestId("amendment-changes")).toContainText("Component added: Mine risk education");
  await expect(first.getByTestId("amendment-changes")).toContainText("Funding line added: MAPP 2028-2029");
  await expect(officer2.getByTestId("grant-total")).toHaveText("$90,000.00");
  // MAPP 2027-2028 gives back $20,000 ($100,000 to $80,000); MAPP 2028-2029 commits the new line's $10,000.
  const amended = await mappFigures(admin);
  expect(amended.committed - beforeAmendment.committed).toBe(-2_000_000);
  expect(amended.available - beforeAmendment.available).toBe(2_000_000);
  expect(amended.disbursed).toBe(beforeAmendment.disbursed);
  expect(amended.allocated).toBe(beforeAmendment.allocated);
  const nextYear = await mappFigures(admin, "2028-2029");
  expect(nextYear.committed - nextYearBefore.committed).toBe(1_000_000);

  // 10. The partner now sees the numbered amendment, with its reason.
  await partner.reload();
  await expect(partner.getByTestId("amendment-1")).toContainText(
    "The last districts were cleared by another operator.",
  );
});
