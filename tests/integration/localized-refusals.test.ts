import { webRouter } from "@portal/api";
import type { Database } from "@portal/db";
import { formatAmount } from "@portal/domain";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  approvedUnscheduled,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

interface ErrorBody {
  error: {
    json: {
      message: string;
      data: {
        domainCode: string | null;
        field: string | null;
        refusal: { key: string; params: Record<string, unknown> } | null;
        fieldErrors: Record<string, string> | null;
      };
    };
  };
}

/** Calls a mutation over HTTP as the browser does, so the error formatter writes the reader's language. */
async function httpMutation(persona: Persona, locale: "en" | "fr", path: string, input: unknown) {
  const actor = await actorFor(db, persona);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
    router: webRouter,
    createContext: () => ({ db, actor, locale }),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe("a refusal with amounts, in both languages", () => {
  let grantId: string;
  let scheduledPaymentId: string;

  beforeAll(async () => {
    const allocation = await freshAllocation(db, 50_000_000, 2002);
    grantId = await grantIn(db, "active", grantInput(await organisationIdOf(db, "icbl"), [allocation], 6_000_000));
    scheduledPaymentId = await approvedUnscheduled(db, grantId, 1_000_000);
  });

  // More than the grant's $60,000 can ever be scheduled: the refusal names the sums and what is left.
  const overschedule = (locale: "en" | "fr") =>
    httpMutation("officer2", locale, "payments.requestUnscheduled", {
      grantId,
      amount: 99_999_900,
      dueOn: "2002-08-01",
      reason: "Too much",
    });

  it("says the amounts in English", async () => {
    const { status, body } = await overschedule("en");
    expect(status).toBe(409);
    expect(body.error.json.data.domainCode).toBe("SCHEDULE_EXCEEDS_TOTAL");
    expect(body.error.json.data.field).toBe("amount");
    expect(body.error.json.message).toBe(
      "The schedule would come to $1,009,999.00, more than the grant's $60,000.00; at most $50,000.00 can still be scheduled.",
    );
  });

  it("says the same amounts in French, formatted the French way", async () => {
    const { body } = await overschedule("fr");
    const fr = (cents: number) => formatAmount(cents, "CAD", "fr");
    expect(body.error.json.message).toBe(
      `Les versements prévus atteindraient ${fr(100_999_900)}, plus que les ${fr(6_000_000)} de la subvention ; on peut encore prévoir au plus ${fr(5_000_000)}.`,
    );
    expect(body.error.json.message.replace(/\s/g, " ")).toContain("1 009 999,00 $");
    expect(body.error.json.message.replace(/\s/g, " ")).toContain("60 000,00 $");
  });

  it("carries its key and parameters (cents, currency) for the browser's own formatter", async () => {
    const { body } = await overschedule("fr");
    expect(body.error.json.data.refusal).toEqual({
      key: "scheduleExceedsTotal",
      params: {
        scheduled: { money: 100_999_900, currency: "CAD" },
        total: { money: 6_000_000, currency: "CAD" },
        room: { money: 5_000_000, currency: "CAD" },
      },
    });
  });

  it("names a paid amount in French when a payment does not match its instalment", async () => {
    const pay = (locale: "en" | "fr") =>
      httpMutation("officer", locale, "disbursements.record", {
        grantId,
        paidOn: "2002-07-20",
        amount: 99_999_900,
        reference: "EFT-TOO-MUCH",
        idempotencyKey: newKey(),
        scheduledPaymentId,
      });
    expect((await pay("en")).body.error.json.message).toBe(
      "This instalment is $10,000.00; record exactly that amount.",
    );
    expect((await pay("fr")).body.error.json.message).toBe(
      `Ce versement prévu est de ${formatAmount(1_000_000, "CAD", "fr")} ; enregistrez exactement ce montant.`,
    );
  });

  it("writes statuses as words in French too", async () => {
    const { body } = await httpMutation("officer", "fr", "grants.transition", { id: grantId, action: "approve" });
    expect(body.error.json.data.domainCode).toBe("INVALID_TRANSITION");
    expect(body.error.json.message).toBe("Cette subvention est active ; elle ne peut donc pas être approuvée.");
  });
});
