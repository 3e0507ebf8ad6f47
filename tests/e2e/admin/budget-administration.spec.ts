import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

// A fiscal year and a programme code no other spec uses: the run shares one database.
const YEAR = 2031;
const LABEL = "2031-2032";
const CODE = "E2E-MINE-RISK";
const NAME_EN = "Mine Risk Education Program";
const NAME_FR = "Programme d'éducation au danger des mines";

test.setTimeout(120_000);

/** The figures of one allocation row: allocated, committed, disbursed, available, as shown. */
async function figures(row: Locator): Promise<string[]> {
  const cells = row.getByRole("cell");
  return (await cells.allInnerTexts()).slice(1).map((text) => text.trim());
}

async function submit(form: Locator) {
  await form.getByRole("button").click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
}

async function setAllocation(page: Page, programme: string, amount: string, reason: string) {
  const form = page.getByTestId("set-allocation-form");
  await form.getByLabel("Programme").selectOption({ label: programme });
  await form.getByLabel("Fiscal year").selectOption({ label: LABEL });
  await form.getByLabel("Amount (CAD)").fill(amount);
  await form.getByLabel("Reason").fill(reason);
  return form;
}

test("the admin adds a programme to the Fund, opens a year, allocates, adjusts and transfers", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/budget-administration");
  await expect(page.getByRole("heading", { name: "Budget administration", level: 1 })).toBeVisible();

  // A programme under the Canadian Landmine Fund.
  const programme = page.getByTestId("programme-form");
  await programme.getByLabel("Code").fill(CODE);
  await programme.getByLabel("Parent programme").selectOption({ label: "CLF — Canadian Landmine Fund" });
  await programme.getByLabel("Name (English)").fill(NAME_EN);
  await programme.getByLabel("Name (French)").fill(NAME_FR);
  await submit(programme);
  const programmeOption = `${CODE} — ${NAME_EN}`;
  await expect(
    page.getByTestId("set-allocation-form").getByLabel("Programme").locator("option", { hasText: programmeOption }),
  ).toHaveCount(1);

  // A new fiscal year; opening it twice is refused with the reason on the field.
  const open = page.getByTestId("open-fiscal-year-form");
  await open.getByLabel("Fiscal year").fill(String(YEAR));
  await submit(open);
  await expect(
    page.getByTestId("set-allocation-form").getByLabel("Fiscal year").locator("option", { hasText: LABEL }),
  ).toHaveCount(1);
  await open.getByLabel("Fiscal year").fill(String(YEAR));
  await open.getByRole("button").click();
  await expect(page.getByTestId("open-fiscal-year-form-error")).toHaveText(`Fiscal year: FY ${LABEL} is already open.`);
  // The field at fault is marked and described by the refusal, for a screen reader landing on it.
  await expect(open.getByLabel("Fiscal year")).toHaveAttribute("aria-invalid", "true");
  await expect(open.getByLabel("Fiscal year")).toHaveAccessibleDescription(`Fiscal year: FY ${LABEL} is already open.`);

  // Allocations for the new programme and for MAPP in that year, each with a reason.
  await submit(await setAllocation(page, programmeOption, "250,000", "Opening budget for mine risk education"));
  await submit(
    await setAllocation(page, "MAPP — Mine Action Partnership Program", "500,000", "Opening budget for partnerships"),
  );
  const newRow = page.getByTestId(`allocation-${CODE} FY ${LABEL}`);
  const mappRow = page.getByTestId(`allocation-MAPP FY ${LABEL}`);
  // "Saved." comes before the refreshed table: the rows are polled until they show the new figures.
  await expect.poll(() => figures(newRow)).toEqual(["$250,000.00", "$0.00", "$0.00", "$250,000.00"]);
  await expect.poll(() => figures(mappRow)).toEqual(["$500,000.00", "$0.00", "$0.00", "$500,000.00"]);

  // Raised with a reason.
  await submit(await setAllocation(page, programmeOption, "300,000.00", "Two more provinces"));
  await expect(newRow.getByRole("cell").nth(1)).toHaveText("$300,000.00");

  // Lowering an allocation below what is committed on it is refused, and the page says why, on the amount.
  const committed = (await figures(page.getByTestId("allocation-MAPP FY 2001-2002")))[1]!;
  expect(committed).not.toBe("$0.00");
  const lowered = page.getByTestId("set-allocation-form");
  await lowered.getByLabel("Programme").selectOption({ label: "MAPP — Mine Action Partnership Program" });
  await lowered.getByLabel("Fiscal year").selectOption({ label: "2001-2002" });
  await lowered.getByLabel("Amount (CAD)").fill("1.00");
  await lowered.getByLabel("Reason").fill("Trying to cut a year already spent");
  await lowered.getByRole("button").click();
  await expect(page.getByTestId("set-allocation-form-error")).toHaveText(
    `Amount (CAD): The MAPP allocation for FY 2001-2002 has ${committed} committed; it cannot go down to $1.00.`,
  );
  expect((await figures(page.getByTestId("allocation-MAPP FY 2001-2002")))[1]).toBe(committed);

  // A transfer moves budget from one allocation to the other; the Fund's total for the year is unchanged.
  const fundYear = page.getByTestId("multi-year-CLF").getByTestId(`fund-year-${LABEL}`);
  await expect(fundYear.getByRole("cell").nth(1)).toHaveText("$800,000.00");
  const transfer = page.getByTestId("transfer-form");
  await transfer.getByLabel("From").selectOption({ label: `MAPP FY ${LABEL}` });
  await transfer.getByLabel("To").selectOption({ label: `${CODE} FY ${LABEL}` });
  await transfer.getByLabel("Amount (CAD)").fill("75,000");
  await transfer.getByLabel("Reason").fill("Mine risk education takes over the schools work");
  await submit(transfer);
  await expect(mappRow.getByRole("cell").nth(1)).toHaveText("$425,000.00");
  await expect(newRow.getByRole("cell").nth(1)).toHaveText("$375,000.00");
  await expect.poll(() => figures(newRow)).toEqual(["$375,000.00", "$0.00", "$0.00", "$375,000.00"]);
  await expect(fundYear.getByRole("cell")).toHaveText([LABEL, "$800,000.00", "$0.00", "$0.00", "$800,000.00"]);
});
