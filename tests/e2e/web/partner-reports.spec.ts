import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

const PDF = Buffer.from("%PDF-1.4\n% Illustrative financial report\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a MAC partner submits a report with an attachment and sees it accepted after the officer accepts it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // 1. The partner finds the open final financial report of MAC's active FY 2002-2003 grant in their workspace.
  await signIn(page, "partnerMac");
  const row = page.getByTestId("report-CLF-2002-MAC-financial-final");
  await expect(row).toContainText("Financial");
  await row.getByRole("link", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportPath = new URL(page.url()).pathname;

  // 2. A file of the wrong type is refused before sending, naming it.
  await page
    .getByLabel("Attachments")
    .setInputFiles({ name: "tool.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await expect(page.getByTestId("files-error")).toContainText("tool.exe");
  await page.getByRole("button", { name: "Remove tool.exe" }).click();

  // 3. Text plus a PDF.
  await page
    .getByLabel("Report", { exact: true })
    .fill("Final financial report, April 2002 to March 2003: statement attached.");
  await page
    .getByLabel("Attachments")
    .setInputFiles({ name: "financial-statement.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("report-status")).toHaveText("Submitted");
  await expect(page.getByTestId("submission").first()).toContainText("financial-statement.pdf");
  await expect(page.getByTestId("submission").first()).toContainText("Waiting for the ministry's answer.");
  const href = await page.getByTestId("attachment-link").first().getAttribute("href");
  expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]{36}$/);

  // 4. Another organisation's partner cannot download it.
  const icbl = await (await browser.newContext()).newPage();
  await signIn(icbl, "partnerIcbl");
  expect((await icbl.request.get(href!)).status()).toBe(404);
  expect((await icbl.goto(reportPath))?.status()).toBe(404);
  await icbl.context().close();

  // 5. The officer sees it waiting on the dashboard, downloads the file and accepts the report.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  const waiting = officer.getByTestId("review-CLF-2002-MAC-financial-final");
  await expect(waiting).toBeVisible();
  await waiting.getByRole("link", { name: "Review" }).click();
  await expect(officer).toHaveURL(new RegExp(`${reportPath}$`));
  const [file] = await Promise.all([
    officer.waitForEvent("download"),
    officer.getByTestId("attachment-link").first().click(),
  ]);
  expect(file.suggestedFilename()).toBe("financial-statement.pdf");
  expect(Buffer.compare(await readFile(await file.path()), PDF)).toBe(0);
  const direct = await officer.request.get(href!);
  expect(direct.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(direct.headers()["x-content-type-options"]).toBe("nosniff");
  await officer.getByRole("button", { name: "Accept" }).click();
  await expect(officer.getByTestId("report-status")).toHaveText("Accepted");
  await officer.context().close();

  // 6. The partner sees the ministry's answer and the new status.
  await page.reload();
  await expect(page.getByTestId("report-status")).toHaveText("Accepted");
  await expect(page.getByTestId("report-accepted")).toContainText("The ministry accepted this report.");
  await expect(page.getByTestId("ministry-response").first()).toContainText("Accepted");
  await page.goto("/partner");
  await expect(page.getByTestId("report-CLF-2002-MAC-financial-final")).toHaveCount(0);
});
