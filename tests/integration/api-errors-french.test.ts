import { webRouter } from "@portal/api";
import type { Database } from "@portal/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "./support/actors";
import { seededTestDatabase } from "./support/db";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

/** Calls a query over HTTP, as the browser does, so the error formatter runs. */
async function httpQuery(locale: "en" | "fr", path: string, input: unknown) {
  const actor = await actorFor(db, "partnerMac");
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: webRouter,
    createContext: () => ({ db, actor, locale }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { json: { message: string; data: { domainCode: string } } } },
  };
}

describe("refusals over HTTP", () => {
  it("carry the code and a message in the reader's language", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const en = await httpQuery("en", "grants.byId", { id });
    const fr = await httpQuery("fr", "grants.byId", { id });
    expect(en.status).toBe(404);
    expect(fr.status).toBe(404);
    expect(en.body.error.json.data.domainCode).toBe("NOT_FOUND");
    expect(en.body.error.json.message).toBe("No such grant.");
    expect(fr.body.error.json.message).toBe("Cette subvention n'existe pas ou vous n'y avez pas accès.");
  });

  it("name the record that is missing, in both languages (formerly English-only refusals)", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const cases = [
      {
        path: "conferences.byId",
        input: { id },
        en: "No such conference.",
        fr: "Cette conférence n'existe pas ou vous n'y avez pas accès.",
      },
      {
        path: "attachments.report",
        input: { requirementId: id },
        en: "No such reporting requirement.",
        fr: "Cette exigence de rapport n'existe pas ou vous n'y avez pas accès.",
      },
    ];
    for (const { path, input, en, fr } of cases) {
      const english = await httpQuery("en", path, input);
      const french = await httpQuery("fr", path, input);
      expect({ path, status: french.status, code: french.body.error.json.data.domainCode }).toEqual({
        path,
        status: 404,
        code: "NOT_FOUND",
      });
      expect({ path, en: english.body.error.json.message, fr: french.body.error.json.message }).toEqual({
        path,
        en,
        fr,
      });
    }
  });
});
