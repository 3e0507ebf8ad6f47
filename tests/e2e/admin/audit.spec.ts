import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, switchToFrench } from "../support/sign-in";

test("the admin edits an organisation and finds the change, with its before and after, in the filtered audit log", async ({
  page,
}) => {
  const acronym = `E2E${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, "admin");
  await page.goto("/organisations/new");
  await page.getByLabel("Legal name (English)").fill(`End-to-end test organisation ${acronym}`);
  await page.getByLabel("Legal name (French)").fill(`Organisation d'essai ${acronym}`);
  await page.getByLabel("Acronym").fill(acronym);
  await page.getByLabel("Type (IATI)").selectOption({ label: "22 · National NGO" });
  await page.getByLabel("Country").selectOption({ label: "Canada" });
  await page.getByRole("button", { name: "Create the organisation" }).click();
  await expect(page.getByRole("heading", { name: `End-to-end test organisation ${acronym}` })).toBeVisible();

  await page.getByLabel("Website").fill("https://example.org/e2e");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("organisation-saved")).toBeVisible();
  const organisationId = page.url().split("/").pop()!;

  await page.goto("/audit");
  await page.getByLabel("Action").selectOption("organisation.update");
  await page.getByLabel("Record id").fill(organisationId);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=organisation.update/);
  await expect(page).toHaveURL(new RegExp(`entityId=${organisationId}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await rows.first().getByText("1 field changed").click();
  await expect(rows.first()).toContainText("website");
  await expect(rows.first()).toContainText("https://example.org/e2e");

  // The export honours the same filters.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-audit").getByRole("button", { name: "CSV" }).click();
  const csv = await readFile(await (await downloading).path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("organisation.update");
  expect(lines[1]).toContain(organisationId);

  const xlsxDownload = page.waitForEvent("download");
  await page.getByTestId("export-audit").getByRole("button", { name: "XLSX" }).click();
  const xlsx = await readFile(await (await xlsxDownload).path());
  expect(xlsx.subarray(0, 2).toString()).toBe("PK");

  await switchToFrench(page);
  await expect(page.getByRole("heading", { name: "Journal d'audit" })).toBeVisible();
  await expect(page.getByText("1 événement")).toBeVisible();
});
