import { createDb } from "@portal/db/client";
import { grants } from "@portal/db/schema";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { signIn } from "../support/sign-in";

async function grantIdOf(reference: string): Promise<string> {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const [row] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, reference));
    return row!.id;
  } finally {
    await db.close();
  }
}

test("an officer publishes a grant to IATI; anyone then reads it, with caching headers", async ({ page, request }) => {
  test.setTimeout(120_000);
  const id = await grantIdOf("CLF-2001-MAC");
  await signIn(page, "officer");
  await page.goto(`/grants/${id}`);
  const section = page.getByTestId("iati-publication");
  await expect(section.getByTestId("iati-identifier")).toHaveText("CA-3-CLF-2001-MAC");
  await expect(section.getByTestId("iati-state")).toHaveText("Not published");
  await section.getByTestId("iati-publish").click();
  await expect(section.getByTestId("iati-state")).toContainText("Published");

  // Unauthenticated: the request fixture shares no cookie with the signed-in page.
  const file = await request.get("/api/iati/activities");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("application/xml");
  expect(await file.text()).toContain("<iati-identifier>CA-3-CLF-2001-MAC</iati-identifier>");
  const etag = file.headers()["etag"]!;
  expect(file.headers()["last-modified"]).toBeTruthy();
  const again = await request.get("/api/iati/activities", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const organisation = await request.get("/api/iati/organisation");
  expect(organisation.status()).toBe(200);
  expect(await organisation.text()).toContain("<organisation-identifier>CA-3</organisation-identifier>");
});
