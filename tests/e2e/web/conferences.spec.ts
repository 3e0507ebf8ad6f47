import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

const adminUrl = () => `http://localhost:${process.env.E2E_ADMIN_PORT ?? "3101"}`;

// FY 2000-2001: no other end-to-end test reads or moves that year's budget (FY 2001-2002 holds the source document's
// figures, and grant-ledger.spec.ts checks exact changes to FY 2002-2003's totals), so the difference measured here is
// this test's own even when the specs run in parallel.
const FISCAL_YEAR = "2000-2001";
const WARSAW = "Seminar on implementing the Ottawa Convention in Eastern Europe and the Baltic states";

/** The MAPP row of the admin console's budget for FISCAL_YEAR, in cents: [committed, disbursed]. */
async function mappBudget(browser: Browser): Promise<number[]> {
  const context = await browser.newContext({ baseURL: adminUrl() });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto(`/budgets?fy=${FISCAL_YEAR}`);
  const row = page.getByTestId("budget-row-MAPP");
  const cents = async (testId: string) =>
    Number(await row.getByTestId(testId).locator("[data-amount]").first().getAttribute("data-amount"));
  await expect(row).toBeVisible();
  const values = [await cents("committed"), await cents("disbursed")];
  await context.close();
  return values;
}

async function chooseState(page: Page, name: string) {
  const filter = page.getByLabel("Find a state");
  await filter.fill(name);
  await page.getByTestId("participants-options").getByRole("checkbox", { name, exact: true }).check();
  await filter.fill("");
}

test("an officer records a conference with two co-hosts and five states; its cost counts in the budget; a partner sees its conferences", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Regional seminar on universalisation ${Date.now().toString(36).toUpperCase()}`;
  const before = await mappBudget(browser);

  // 1. The officer fills the form: Canada and Mines Action Canada co-host, five states take part, and the ministry
  //    pays a direct cost from the MAPP allocation of the fiscal year the seminar falls in.
  await signIn(page, "officer");
  await page.goto("/conferences");
  await page.getByRole("link", { name: "New conference" }).click();
  await expect(page.getByRole("heading", { name: "New conference" })).toBeVisible();
  await page.getByLabel("Title (English)", { exact: true }).fill(title);
  await page
    .getByLabel("Title (French)", { exact: true })
    .fill(`Séminaire régional sur l'universalisation ${title.slice(-8)}`);
  await page.getByLabel("City", { exact: true }).fill("Bogotá");
  await page.getByLabel("Host country", { exact: true }).selectOption({ label: "Colombia" });
  await page.getByLabel("Start date", { exact: true }).fill("2000-10-16");
  await page.getByLabel("End date", { exact: true }).fill("2000-10-17");

  await page.getByRole("button", { name: "Add a co-host" }).click();
  await page.getByRole("button", { name: "Add a co-host" }).click();
  await page
    .getByRole("group", { name: "Co-host 1" })
    .getByLabel("State or organisation")
    .selectOption({ label: "Canada" });
  await page
    .getByRole("group", { name: "Co-host 2" })
    .getByLabel("State or organisation")
    .selectOption({ label: "Mines Action Canada (MAC)" });

  for (const state of ["Canada", "Colombia", "Poland", "Afghanistan", "Angola"]) await chooseState(page, state);
  await expect(page.getByTestId("chosen-count")).toHaveText("5 states chosen");
  await page.getByRole("button", { name: "Remove Angola" }).click();
  await expect(page.getByTestId("chosen-count")).toHaveText("4 states chosen");
  await chooseState(page, "Angola");

  await page.getByRole("button", { name: "Add an outcome" }).click();
  await page.getByLabel("Outcome (English)").fill("Colombia's delegation announced its ratification timetable.");
  await page.getByLabel("Outcome (French)").fill("La délégation colombienne a annoncé son calendrier de ratification.");

  await page.getByLabel("Direct cost on a programme allocation").check();
  const allocation = page.getByLabel("Programme allocation", { exact: true });
  const mapp = await allocation.locator("option", { hasText: `MAPP · ${FISCAL_YEAR}` }).getAttribute("value");
  expect(mapp).toBeTruthy();
  await allocation.selectOption(mapp ?? "");
  await page.getByLabel("Cost (CAD)", { exact: true }).fill("12,345.67");
  await page.getByRole("button", { name: "Create conference" }).click();

  // 2. The conference page shows each state's standing on the first day, computed from the treaty data.
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const standing = (iso2: string) => page.getByTestId(`participant-${iso2}`);
  await expect(standing("CA")).toContainText("State Party");
  await expect(standing("CA")).toContainText("Co-host");
  await expect(standing("CO")).toContainText("Joined, not yet in force");
  await expect(standing("PL")).toContainText("Signatory");
  await expect(standing("AO")).toContainText("Signatory");
  await expect(standing("AF")).toContainText("Not a signatory");
  await expect(page.getByTestId("participants-table").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("co-hosts")).toContainText("Mines Action Canada (MAC)");
  await expect(page.getByTestId("direct-cost")).toHaveText("$12,345.67");
  await expect(page.getByTestId("funding")).toContainText(`FY ${FISCAL_YEAR}`);
  // Colombia (deposited 2000-09-06) had already joined; Poland, Angola and Afghanistan had not. Angola (2002-07-05)
  // and Afghanistan (2002-09-11) joined within 24 months.
  await expect(page.getByTestId("outcome-value")).toHaveText("2 of 3");
  await expect(page.getByTestId("audit-trail")).toContainText("Added a conference");

  await switchToFrench(page);
  await expect(standing("PL")).toContainText("Signataire");
  await expect(standing("CO")).toContainText("A adhéré, pas encore en vigueur");
  await expect(page.getByTestId("direct-cost")).toHaveText("12 345,67 $");

  // 3. The cost is committed and disbursed in the MAPP budget for that fiscal year, as the admin console shows it.
  const after = await mappBudget(browser);
  expect(after[0]! - before[0]!).toBe(1_234_567);
  expect(after[1]! - before[1]!).toBe(1_234_567);

  // 4. A partner at MAC sees, on its organisation's page, Warsaw and the conference it co-hosted; another
  //    organisation's page does not exist for them.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, "officer");
  await officer.goto("/organisations");
  const icblPath = await officer.getByRole("link", { name: "ICBL", exact: true }).getAttribute("href");
  await officerContext.close();

  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, "partnerMac");
  await partner.getByRole("link", { name: "Our organisation" }).click();
  await expect(partner).toHaveURL(/\/organisations\/[0-9a-f-]{36}$/);
  await expect(partner.getByRole("heading", { level: 1, name: /Mines Action Canada/ })).toBeVisible();
  const conferences = partner.getByTestId("organisation-conferences-table");
  await expect(conferences).toContainText(WARSAW);
  await expect(conferences).toContainText(title);
  await expect(partner.getByTestId("link-outgoing-member_of")).toContainText("ICBL");
  await conferences.getByRole("link", { name: WARSAW }).click();
  await expect(partner.getByTestId("participant-PL")).toContainText("Signatory");
  await expect(partner.getByTestId("funding")).toHaveCount(0);
  const response = await partner.goto(icblPath!);
  expect(response?.status()).toBe(404);
  await partnerContext.close();
});

test("an officer keeps a partner's relationship and coalition links from its organisation page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "officer");
  await page.goto("/organisations");
  await page.getByRole("link", { name: "LSN", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Landmine Survivors Network/ })).toBeVisible();

  await page.getByRole("button", { name: "Edit the relationship" }).click();
  const relationship = page.getByTestId("partnership-form");
  await relationship.getByLabel("Since").fill("2001-12-03");
  await relationship.getByRole("button", { name: "Save the relationship" }).click();
  await expect(page.getByTestId("partnership")).toContainText("Since Dec 3, 2001");

  await page.getByRole("button", { name: "Add a link" }).click();
  const form = page.getByTestId("link-form");
  await form.getByLabel("Link", { exact: true }).selectOption({ label: "is a member of" });
  await form.getByLabel("Other organisation").selectOption({ label: "ICBL — International Campaign to Ban Landmines" });
  await form.getByLabel("Note (English)").fill("Survivor network in the coalition.");
  await form.getByRole("button", { name: "Add the link" }).click();
  const link = page.getByTestId("link-outgoing-member_of");
  await expect(link).toContainText("ICBL");
  await expect(link).toContainText("Survivor network in the coalition.");

  // The same link twice is refused, with the reason on the field.
  await page.getByRole("button", { name: "Add a link" }).click();
  await form.getByLabel("Link", { exact: true }).selectOption({ label: "is a member of" });
  await form.getByLabel("Other organisation").selectOption({ label: "ICBL — International Campaign to Ban Landmines" });
  await form.getByRole("button", { name: "Add the link" }).click();
  await expect(form.getByLabel("Link", { exact: true })).toHaveAccessibleDescription(
    "These two organisations already have this link.",
  );
  await form.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Remove the link: Member of ICBL" }).click();
  await page.getByRole("button", { name: "Remove the link", exact: true }).click();
  await expect(page.getByTestId("link-outgoing-member_of")).toHaveCount(0);
});
