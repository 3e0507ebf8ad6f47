import { adminRouter, webRouter } from "@portal/api";
import { createRouteKit, reportUpload } from "@portal/api/http";
import { logger } from "@portal/api/observability";
import { listGrants } from "@portal/api/services";
import { auditEvents, createDb, type Database, grants } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorFor, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { auditCount } from "./support/ledger-fixtures";

// The one HTTP layer both apps mount (packages/api/src/http): request ids, same-origin checks, body caps and the
// mapping of every error to a response, exercised with real fetch Requests against a real database.

let db: Database;
let drop: () => Promise<void>;
let macGrantId: string;
const ORIGIN = "http://portal.test";

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  const [grant] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, "CLF-2002-MAC"));
  macGrantId = grant!.id;
});
afterAll(() => drop());

function kit(
  persona: Persona,
  options: { locale?: "en" | "fr"; audience?: "web" | "admin"; database?: Database } = {},
) {
  return createRouteKit({
    audience: options.audience ?? "web",
    locale: () => options.locale ?? "en",
    database: () => options.database ?? db,
    session: async () => {
      const actor = await actorFor(db, persona);
      return actor ? { user: { id: actor.userId, role: actor.role, organisationIds: actor.organisationIds } } : null;
    },
  });
}

function trpcPost(path: string, input: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: input }),
  });
}

/** The `error` object of a route handler's or the layer's JSON refusal. */
async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; field: string | null; message: string } };
  return body.error;
}

const addRequirement = () => ({ grantId: macGrantId, kind: "narrative", stage: "interim", dueOn: "2030-06-30" });

describe("request ids", () => {
  it("every tRPC response carries one, and the mutation's audit event records it", async () => {
    const response = await kit("officer").trpc(webRouter)(
      trpcPost("requirements.add", addRequirement(), { origin: ORIGIN }),
    );
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId!));
    expect(event?.action).toBe("requirement.add");
  });

  it("keeps a well-formed id from a proxy and replaces anything else", async () => {
    const handler = kit("officer").trpc(webRouter);
    const kept = await handler(
      new Request(`${ORIGIN}/api/trpc/grants.fiscalYears`, { headers: { "x-request-id": "edge-1234abcd" } }),
    );
    expect(kept.headers.get("x-request-id")).toBe("edge-1234abcd");
    const replaced = await handler(
      new Request(`${ORIGIN}/api/trpc/grants.fiscalYears`, { headers: { "x-request-id": "<script>" } }),
    );
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("same-origin check on state-changing requests", () => {
  const cases: [string, Record<string, string>, number][] = [
    ["another site's Origin", { origin: "https://evil.example" }, 403],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", origin: ORIGIN }, 403],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }, 403],
    ["the page's own Origin", { origin: ORIGIN, "sec-fetch-site": "same-origin" }, 200],
    ["no browser headers at all (not a browser page)", {}, 200],
  ];
  for (const [name, headers, status] of cases) {
    it(`tRPC mutation with ${name}: ${status}`, async () => {
      const before = await auditCount(db);
      const response = await kit("officer").trpc(webRouter)(trpcPost("requirements.add", addRequirement(), headers));
      expect(response.status).toBe(status);
      expect(await auditCount(db)).toBe(status === 200 ? before + 1 : before);
      if (status === 403) expect(await errorOf(response)).toMatchObject({ code: "FORBIDDEN", field: "origin" });
    });
  }

  it("an upload from another site is refused before its body is read", async () => {
    const form = new FormData();
    form.set("requirementId", "00000000-0000-4000-8000-000000000000");
    const response = await kit("partnerMac").route(reportUpload, { name: "upload" })(
      new Request(`${ORIGIN}/api/attachments`, {
        method: "POST",
        body: form,
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(response.status).toBe(403);
  });

  it("a cross-site GET (a link to an export) is not a write and is let through", async () => {
    const route = kit("officer").route(() => Promise.resolve(new Response("ok")), { name: "probe" });
    const response = await route(
      new Request(`${ORIGIN}/api/exports/x`, { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(200);
  });
});

describe("body caps", () => {
  it("refuses a tRPC body whose declared length is over a megabyte", async () => {
    const response = await kit("officer").trpc(webRouter)(
      trpcPost("requirements.submit", { requirementId: macGrantId, body: "x".repeat(1_100_000) }),
    );
    expect(response.status).toBe(413);
  });

  it("stops reading an upload streamed without a length once it passes its cap", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("-".repeat(1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`${ORIGIN}/api/attachments`, {
      method: "POST",
      body: endless,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const response = await kit("partnerMac").route(reportUpload, { name: "upload", maxBodyBytes: 64 * 1024 })(request);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "VALIDATION", field: "files" });
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});

describe("a service's refusal of its input, through a route handler", () => {
  // The grant list export parses the list's query in its service (a page size over 200 is too large): the refusal keeps
  // the validator's sentence in both languages, like every refusal, and the response is written in the reader's.
  const tooLarge = (locale: "en" | "fr") =>
    kit("officer", { locale }).route(
      async ({ ctx }) => {
        await listGrants(ctx.db, ctx.actor, { pageSize: 500 });
        return new Response("listed");
      },
      { name: "probe" },
    )(new Request(`${ORIGIN}/api/probe`));
  type Refused = {
    error: { code: string; field: string; message: string; refusal: { key: string; params: { message: unknown } } };
  };

  it("answers a French reader in French, naming the field, with the English kept beside it", async () => {
    const response = await tooLarge("fr");
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as Refused;
    expect(error.code).toBe("VALIDATION");
    expect(error.field).toBe("pageSize");
    expect(error.message).toBe("Cette valeur est trop longue ou trop grande.");
    expect(error.refusal).toEqual({
      key: "invalidValue",
      params: {
        message: { en: "This value is too long or too large.", fr: "Cette valeur est trop longue ou trop grande." },
      },
    });
  });

  it("answers an English reader in English, with the same refusal", async () => {
    const response = await tooLarge("en");
    const { error } = (await response.json()) as Refused;
    expect(error.message).toBe("This value is too long or too large.");
    expect(error.refusal.params.message).toEqual({
      en: "This value is too long or too large.",
      fr: "Cette valeur est trop longue ou trop grande.",
    });
  });
});

describe("errors never reach the client in detail", () => {
  it("a server failure answers a generic message in the reader's language, with the request id", async () => {
    const failing = kit("officer", { locale: "fr" }).route(
      () => Promise.reject(new Error("connect ECONNREFUSED db.internal:5432 password=hunter2")),
      { name: "probe" },
    );
    const logged = vi.spyOn(logger(), "error");
    const response = await failing(new Request(`${ORIGIN}/api/probe`));
    expect(response.status).toBe(500);
    // The detail is in the server log, under the id the reader was given.
    const [fields, message] = logged.mock.calls[0] as unknown as [{ requestId: string; err: Error }, string];
    expect(message).toBe("route handler failed");
    expect(fields.requestId).toBe(response.headers.get("x-request-id"));
    expect(fields.err.message).toContain("ECONNREFUSED");
    logged.mockRestore();
    const text = await response.text();
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|db\.internal|stack/);
    const body = JSON.parse(text) as { error: { message: string; requestId: string } };
    expect(body.error.message).toContain("Une erreur s'est produite");
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("a tRPC procedure whose database fails answers INTERNAL_SERVER_ERROR without SQL, stack or cause", async () => {
    // The gate's probe gets through, then every read fails as a lost connection does, naming host and database.
    const lost = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1 (secret_db, password hunter2)"), {
      code: "ECONNREFUSED",
    });
    const failing = new Proxy(db, {
      get: (target, key, receiver) =>
        key === "selectDistinct"
          ? () => {
              throw lost;
            }
          : (Reflect.get(target, key, receiver) as unknown),
    });
    const response = await kit("officer", { database: failing }).trpc(webRouter)(
      new Request(`${ORIGIN}/api/trpc/grants.fiscalYears`),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret_db|hunter2|ECONNREFUSED|127\.0\.0\.1|stack|at /);
    expect(text).toContain("Something went wrong on our side");
    expect(text).toContain(response.headers.get("x-request-id")!);
  });

  it("a database refusal a request caused is a 400 naming no SQL", async () => {
    const route = kit("officer").route(
      async ({ ctx }) => {
        await ctx.db.execute(sql`select ${"a\u0000b"}::text`);
        return new Response("unreachable");
      },
      { name: "probe" },
    );
    const response = await route(new Request(`${ORIGIN}/api/probe`));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/select|::text|0x00/i);
    expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe("VALIDATION");
  });

  it("route handlers answer 401 to nobody, and the admin console's to anyone but an admin", async () => {
    const probe = () => Promise.resolve(new Response("ok"));
    expect((await kit("anonymous").route(probe, { name: "p" })(new Request(`${ORIGIN}/x`))).status).toBe(401);
    const admin = (persona: Persona) => kit(persona, { audience: "admin" }).route(probe, { name: "p" });
    expect((await admin("officer")(new Request(`${ORIGIN}/x`))).status).toBe(401);
    expect((await admin("admin")(new Request(`${ORIGIN}/x`))).status).toBe(200);
    const adminTrpc = await kit("officer", { audience: "admin" }).trpc(adminRouter)(
      new Request(`${ORIGIN}/api/trpc/budgets.fiscalYears`),
    );
    expect(adminTrpc.status).toBe(401);
  });
});

describe("what the layer adds to every answer (API routes skip the apps' proxy)", () => {
  const expectApiHeaders = (response: Response) => {
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get("strict-transport-security")).toBeNull();
  };

  it("security headers on tRPC answers, route answers and refusals; a route's own cache rule stays", async () => {
    const trpcAnswer = await kit("officer").trpc(webRouter)(new Request(`${ORIGIN}/api/trpc/grants.fiscalYears`));
    expect(trpcAnswer.status).toBe(200);
    expectApiHeaders(trpcAnswer);
    expect(trpcAnswer.headers.get("cache-control")).toBe("private, no-store");

    const refused = await kit("anonymous").route(() => Promise.resolve(new Response("ok")), { name: "p" })(
      new Request(`${ORIGIN}/x`),
    );
    expect(refused.status).toBe(401);
    expectApiHeaders(refused);

    const download = kit("officer").route(
      () => Promise.resolve(new Response("a,b\n", { headers: { "Cache-Control": "private, max-age=60" } })),
      { name: "download" },
    );
    const file = await download(new Request(`${ORIGIN}/api/file`));
    expectApiHeaders(file);
    expect(file.headers.get("cache-control")).toBe("private, max-age=60");
  });

  it("HSTS only when the request came over https (directly or through a proxy that says so)", async () => {
    const route = kit("officer").route(() => Promise.resolve(new Response("ok")), { name: "p" });
    const direct = await route(new Request("https://portal.test/x"));
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const forwarded = await route(new Request(`${ORIGIN}/x`, { headers: { "x-forwarded-proto": "https" } }));
    expect(forwarded.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("an unreachable database answers 503 in both languages, before any session is read", async () => {
    // A database nobody listens on: the driver's error names the host, which must not reach the answer.
    const broken = createDb("postgres://portal:hunter2@127.0.0.1:1/secret_db", { max: 1 });
    const session = vi.fn(() => Promise.resolve(null));
    const outage = createRouteKit({ audience: "web", locale: () => "fr", database: () => broken, session });
    for (const response of [
      await outage.trpc(webRouter)(new Request(`${ORIGIN}/api/trpc/grants.list`)),
      await outage.route(() => Promise.resolve(new Response("ok")), { name: "p" })(new Request(`${ORIGIN}/x`)),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("10");
      expectApiHeaders(response);
      const text = await response.text();
      expect(text).not.toMatch(/secret_db|hunter2|ECONNREFUSED|127\.0\.0\.1/);
      const body = JSON.parse(text) as { error: { code: string; message: string; messageFr: string } };
      expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.error.messageFr).not.toBe(body.error.message);
    }
    expect(session).not.toHaveBeenCalled();
    await broken.close();
  });
});
