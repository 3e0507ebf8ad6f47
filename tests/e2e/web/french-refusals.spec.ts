import { expect, type Locator, type Page, test } from "@playwright/test";
import { formatAmount } from "@portal/domain";
import { signIn, switchToFrench } from "../support/sign-in";

/** An amount as a French reader sees it ("10 000,00 $"), spaces of any kind made plain for comparison. */
const fr = (cents: number) => formatAmount(cents, "CAD", "fr").replace(/\s/g, " ");
const plain = (text: string | null) => (text ?? "").replace(/\s/g, " ");

async function choose(scope: Locator | Page, label: string, text: RegExp) {
  const select = scope.getByLabel(label).first();
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  expect(value).toBeTruthy();
  await select.selectOption(value ?? "");
}

test("a French officer's invalid grant form gets French messages: the validators' at their fields, then the API's refusal with its amounts", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "officer");
  await switchToFrench(page);
  await page.goto("/grants/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  // A complete grant but for a malformed reference and no English title: the form's zod schema (the API's own)
  // writes its messages from the French validation catalogue, each under its field.
  await page.getByLabel("Référence").fill("mauvaise référence");
  await choose(page, "Organisation bénéficiaire", /^MAC — Action Mines Canada$/);
  await page.getByLabel("Titre (français)").first().fill("Sensibilisation des jeunes à la Convention");
  await page.getByLabel("Montant total (CAD)").fill("10 000,00");
  await page.getByLabel("Date de début").fill("2002-04-01");
  await page.getByLabel("Date de fin").fill("2003-03-31");
  const component = page.getByRole("group", { name: "Volet 1" });
  await component.getByLabel("Titre (anglais)").fill("School visits");
  await component.getByLabel("Titre (français)").fill("Visites scolaires");
  await component.getByLabel("Montant (CAD)").fill("10 000,00");
  const line = page.getByRole("group", { name: "Source de financement 1" });
  await choose(line, "Allocation de programme", /MAPP · 2002-2003/);
  // Half the grant only: the API refuses the draft (the funding lines must add up to its CAD amount).
  await line.getByLabel("Montant (CAD)").fill("5 000,00");
  await page.getByRole("button", { name: "Créer la subvention" }).click();

  await expect(page.getByLabel("Référence")).toHaveAccessibleDescription(
    "Utilisez de 3 à 40 majuscules, chiffres et traits d'union, par exemple MAPP-2002-014.",
  );
  await expect(page.getByLabel("Référence")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Titre (anglais)").first()).toHaveAccessibleDescription(
    "Saisissez un titre en anglais.",
  );
  await expect(page).toHaveURL(/\/grants\/new$/);

  // Fixed, the form goes to the API, which refuses it with both sums in French, in the funding section it is about.
  await page.getByLabel("Référence").fill(`E2E-FR-${Date.now().toString(36).toUpperCase()}`);
  await page.getByLabel("Titre (anglais)").first().fill("Youth outreach on the Convention");
  await page.getByRole("button", { name: "Créer la subvention" }).click();
  // It stands in the funding section it is about (the funding lines' total sits next to it), not atop the form.
  const fundingSection = page.getByTestId("funding-sum").locator("xpath=../..");
  const refusal = fundingSection.getByRole("alert");
  await expect(refusal).toBeVisible();
  expect(plain(await refusal.textContent())).toBe(
    `Les sources de financement totalisent ${fr(500_000)}, mais la subvention s'élève à ${fr(1_000_000)} en CAD.`,
  );
  await expect(page.getByLabel("Référence")).toHaveAccessibleDescription("");
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(page).toHaveURL(/\/grants\/new$/);
});
