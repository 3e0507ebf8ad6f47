import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { pdfText } from "../../integration/support/pdf-text";
import { signIn, switchToFrench } from "../support/sign-in";

async function downloadPdfText(page: Page): Promise<string> {
  const downloading = page.waitForEvent("download");
  await page.getByTestId("report-pdf").click();
  const download = await downloading;
  return pdfText(await readFile(await download.path()));
}

test("an officer reads the FY 2001-2002 annual report in English and French and downloads its PDF", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "officer");
  await page.goto("/annual-report?fy=2001");
  await expect(page.getByRole("heading", { name: "Annual report 2001-2002" })).toBeVisible();
  const universalisation = page.getByTestId("report-universalisation");
  await expect(universalisation).toContainText("By November 30, 2002, 130 states had formally joined the Convention.");
  await expect(universalisation).toContainText("Angola");
  await expect(universalisation).toContainText("Afghanistan");
  await expect(universalisation).toContainText(
    "Albania, Czech Republic, Ecuador, Peru, Sweden and Yemen, bringing the total number of countries to 33.",
  );
  await expect(universalisation).toContainText("from 55 to 14");
  const partnerships = page.getByTestId("report-partnerships");
  await expect(partnerships).toContainText("$484,744");
  await expect(partnerships).toContainText("This includes $210,000 for");
  await expect(partnerships).toContainText("$317,400");
  await expect(partnerships.getByRole("link", { name: "CLF-2001-ICBL" })).toHaveAttribute("href", /\/grants\//);
  const conferences = page.getByTestId("report-conferences");
  await expect(conferences).toContainText(/Warsaw, Poland, June 14\s?–\s?15, 2001: \$40,803/);
  await expect(conferences).toContainText(/co-hosted by (Poland and Canada|Canada and Poland)/);

  const english = await downloadPdfText(page);
  for (const figure of ["130 states", "33", "$484,744", "$210,000", "$317,400", "$40,803", "Warsaw"]) {
    expect(english, figure).toContain(figure);
  }

  await switchToFrench(page);
  await expect(page.getByRole("heading", { name: "Rapport annuel 2001-2002" })).toBeVisible();
  await expect(page.getByTestId("report-partnerships")).toContainText("484 744 $");
  await expect(page.getByTestId("report-universalisation")).toContainText("130 États");
  const french = await downloadPdfText(page);
  for (const figure of ["130 États", "484 744 $", "210 000 $", "317 400 $", "40 803 $", "Pologne"]) {
    expect(french, figure).toContain(figure);
  }
});
