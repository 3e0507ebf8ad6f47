import { webRouter } from "@portal/api";
import type { Database } from "@portal/db";
import { createGrantInput, setValidationWriter } from "@portal/domain";
import { messagesFor } from "@portal/ui/i18n";
import type { ErrorTranslator } from "@portal/ui/refusal-format";
import { validationWriter } from "@portal/ui/validation-writer";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "./support/actors";
import { seededTestDatabase } from "./support/db";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

// A grant with its titles left empty, a date that is not one and no component: refused field by field.
const badGrant = {
  reference: "MAPP-2002-777",
  recipientId: "00000000-0000-4000-8000-000000000000",
  titleEn: "",
  titleFr: "",
  currency: "CAD",
  exchangeRateToCad: "1",
  totalAmount: 100,
  startsOn: "2002-13-40",
  endsOn: "2003-03-31",
  components: [],
  fundingLines: [],
};

async function create(locale: "en" | "fr") {
  const actor = await actorFor(db, "officer");
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://localhost/api/trpc/grants.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: badGrant }),
    }),
    router: webRouter,
    createContext: () => ({ db, actor, locale }),
  });
  const body = (await response.json()) as { error: { json: { data: { fieldErrors: Record<string, string> } } } };
  return { status: response.status, fieldErrors: body.error.json.data.fieldErrors };
}

describe("validation messages from the catalogues", () => {
  it("are English for an English reader", async () => {
    const { status, fieldErrors } = await create("en");
    expect(status).toBe(400);
    expect(fieldErrors.titleEn).toBe("Enter an English title.");
    expect(fieldErrors.startsOn).toBe("Enter a date as YYYY-MM-DD.");
    expect(fieldErrors.components).toBe("The components must add up exactly to the total amount.");
  });

  it("are French for a French reader, field labels included, from the same schema", async () => {
    const { status, fieldErrors } = await create("fr");
    expect(status).toBe(400);
    expect(fieldErrors.titleEn).toBe("Saisissez un titre en anglais.");
    expect(fieldErrors.titleFr).toBe("Saisissez un titre en français.");
    expect(fieldErrors.startsOn).toBe("Saisissez une date au format AAAA-MM-JJ.");
    expect(fieldErrors.components).toBe("Le total des volets doit égaler exactement le montant total.");
  });

  it("stay in each request's language when English and French requests interleave", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => create(i % 2 ? "fr" : "en")));
    results.forEach((result, i) =>
      expect(result.fieldErrors.titleEn).toBe(i % 2 ? "Saisissez un titre en anglais." : "Enter an English title."),
    );
  });

  it("are French in the browser's form validation once the page's writer is installed", () => {
    const t = createTranslator({ locale: "fr", messages: messagesFor("fr"), namespace: "validation" });
    setValidationWriter(validationWriter(t as unknown as ErrorTranslator));
    // Last in this file: the writer stays the browser's for the rest of this worker.
    {
      const parsed = createGrantInput.safeParse(badGrant);
      expect(parsed.success).toBe(false);
      const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
      expect(messages.titleEn).toBe("Saisissez un titre en anglais.");
      // zod's own issues (a missing field) are French too.
      const missing = createGrantInput.safeParse({});
      expect(missing.error!.issues.every((i) => !/expected|received|Invalid/i.test(i.message))).toBe(true);
    }
  });
});
