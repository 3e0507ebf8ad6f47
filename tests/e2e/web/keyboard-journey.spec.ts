import { expect, test } from "@playwright/test";
import { takeTurnOnFiscalYear } from "../support/fiscal-year-turn";
import { tabTo } from "../support/keyboard";
import { ACCOUNTS, DEMO_PASSWORD } from "../support/sign-in";

// The date field's segments follow the browser's locale; the keys typed below are those of en-US (mm/dd/yyyy).
test.use({ locale: "en-US" });

/*
 * An officer who uses no pointer: from the sign-in form to a recorded payment with Tab, Shift+Tab, Enter, Space and
 * typing only (no click anywhere). The seeded CLF-2002-ICRC grant has its second instalment due, scheduled by the
 * first officer, so the second officer may approve it (four eyes) and then pay it.
 */
let turn: { release: () => Promise<void> } | undefined;
test.afterEach(async () => {
  await turn?.release();
  turn = undefined;
});

test("an officer signs in, approves an instalment and records its payment with the keyboard only", async ({ page }) => {
  test.setTimeout(300_000);
  // This payment moves FY 2002-2003, whose exact changes the grant-ledger journey measures: one at a time.
  turn = await takeTurnOnFiscalYear(2002);
  await page.goto("/sign-in");

  // Sign in: the fields and the button are reached with Tab; Enter submits.
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(ACCOUNTS.officer2);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The main navigation, then the grant list's search.
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await tabTo(page, nav.getByRole("link", { name: "Grants", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/grants$/);
  await expect(nav.getByRole("link", { name: "Grants", exact: true })).toHaveAttribute("aria-current", "page");
  await tabTo(page, page.getByRole("searchbox", { name: "Search" }));
  await page.keyboard.type("CLF-2002-ICRC");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/grants\?.*q=CLF-2002-ICRC/);
  await expect(page.getByTestId("grants-count")).toContainText("1");

  // Open the grant; Shift+Tab comes back from the search field's neighbours just as Tab goes.
  const grantLink = page.getByTestId("grants-table").getByRole("link", { name: "CLF-2002-ICRC" });
  await tabTo(page, grantLink);
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, grantLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/grants\/[0-9a-f-]{36}$/);

  // Approve the due instalment: Space on the button opens the confirmation, which starts on Cancel.
  const row = page.getByTestId("payment-row-2");
  await expect(row).toContainText("Due");
  await tabTo(page, page.getByTestId("payment-2-approve"));
  await page.keyboard.press("Space");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  // Escape leaves the instalment as it was, and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("payment-2-approve")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: /^Approve / }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Payment updated: Approve payment.")).toBeVisible();
  await expect(row).toContainText("Approved");

  // Pay it: the "Pay…" button opens the form below it; its fields are filled by typing.
  await tabTo(page, row.getByRole("button", { name: "Pay…" }));
  await page.keyboard.press("Enter");
  const form = row.getByTestId("disbursement-form");
  await expect(form).toBeVisible();
  await tabTo(page, form.getByLabel("Paid on"));
  await page.keyboard.type("12052002");
  await expect(form.getByLabel("Paid on")).toHaveValue("2002-12-05");
  await tabTo(page, form.getByLabel("Payment reference"));
  await page.keyboard.type("EFT-2002-KEYBOARD");
  await tabTo(page, form.getByRole("button", { name: "Record disbursement" }));
  await page.keyboard.press("Enter");
  await expect(row).toContainText("Paid");
  await expect(page.getByTestId("disbursements-table")).toContainText("EFT-2002-KEYBOARD");
});
