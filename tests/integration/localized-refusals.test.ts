import { webRouter } from "@portal/api";
import { acceptInvitation } from "@portal/api/services";
import type { Database } from "@portal/db";
import { formatAmount, formatCalendarDate } from "@portal/domain";
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
async function httpMutation(persona: Persona | null, locale: "en" | "fr", path: string, input: unknown) {
  const actor = persona ? await actorFor(db, persona) : null;
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

describe("refusals that were English-only, now in both languages with their parameters", () => {
  let grantId: string;
  let scheduledPaymentId: string;
  const frDate = (iso: string) => formatCalendarDate(iso, "fr");

  beforeAll(async () => {
    const allocation = await freshAllocation(db, 50_000_000, 2002);
    grantId = await grantIn(db, "active", grantInput(await organisationIdOf(db, "icbl"), [allocation], 6_000_000));
    scheduledPaymentId = await approvedUnscheduled(db, grantId, 1_000_000);
  });

  // The grant runs 2002-04-01 to 2003-03-31, and payments may be dated up to 90 days after its end.
  const payOn = (locale: "en" | "fr", paidOn: string) =>
    httpMutation("officer", locale, "disbursements.record", {
      grantId,
      paidOn,
      amount: 1_000_000,
      reference: "EFT-DATED",
      idempotencyKey: newKey(),
      scheduledPaymentId,
    });

  it("dates a payment before the grant's start in French, on paidOn, the date written the French way", async () => {
    const { status, body } = await payOn("fr", "2002-03-31");
    expect(status).toBe(400);
    expect(body.error.json.data).toMatchObject({
      domainCode: "PAYMENT_DATE_OUT_OF_RANGE",
      field: "paidOn",
      refusal: { key: "paymentDateBeforeStart", params: { startsOn: { date: "2002-04-01" } } },
    });
    expect(body.error.json.message).toBe(
      `Cette subvention commence le ${frDate("2002-04-01")} ; un versement ne peut pas être daté d'avant.`,
    );
    expect(body.error.json.message).toContain("1 avr. 2002");
  });

  it("names the grant's end, the last payable day and the grace in French", async () => {
    const { body } = await payOn("fr", "2003-06-30");
    expect(body.error.json.message).toBe(
      `Cette subvention a pris fin le ${frDate("2003-03-31")} ; un versement peut être daté au plus tard du ${frDate("2003-06-29")} (90 jours après sa fin).`,
    );
    const en = await payOn("en", "2003-06-30");
    expect(en.body.error.json.message).toBe(
      "This grant ended on Mar 31, 2003; payments may be dated up to Jun 29, 2003 (90 days after its end), not later.",
    );
  });

  it("refuses an unknown recipient in French, at its field", async () => {
    const allocation = await freshAllocation(db, 10_000_000, 2002);
    const input = grantInput("00000000-0000-4000-8000-000000000000", [allocation], 1_000_000);
    const { status, body } = await httpMutation("officer", "fr", "grants.create", input);
    expect(status).toBe(400);
    expect(body.error.json.data).toMatchObject({ domainCode: "VALIDATION", field: "recipientId" });
    expect(body.error.json.message).toBe("Choisissez l'organisation bénéficiaire dans la liste.");
  });

  it("asks a signed-out reader to sign in, in French", async () => {
    const { status, body } = await httpMutation(null, "fr", "grants.create", {});
    expect(status).toBe(401);
    expect(body.error.json.message).toBe("Veuillez vous connecter.");
  });

  it("keeps a service's own validation message in both languages (zod's, from the catalogues)", async () => {
    const refused = await acceptInvitation(db, { token: "abc123", name: "Casey", password: "short" }).then(
      () => null,
      (error: unknown) => error as { code: string; field?: string; detail?: { key: string; params: unknown } },
    );
    expect(refused).toMatchObject({
      code: "VALIDATION",
      field: "password",
      detail: {
        key: "invalidValue",
        params: {
          message: {
            en: "Choose a password of at least 12 characters.",
            fr: "Choisissez un mot de passe d'au moins 12 caractères.",
          },
        },
      },
    });
  });
});
