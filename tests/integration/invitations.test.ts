import { randomBytes } from "node:crypto";
import { createWebCaller, DomainError } from "@portal/api";
import { acceptInvitation, createInvitation } from "@portal/api/services";
import { auditEvents, type Database, invitations, memberships, organisations, users } from "@portal/db";
import { verifyPassword } from "@portal/domain/password";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;

const uniqueEmail = (who = "colleague") => `${who}-${randomBytes(4).toString("hex")}@example.net`;
const PASSWORD = "a long enough password";

async function orgId(slug: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  return row!.id;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, field: error.field };
    if (error instanceof TRPCError) {
      const cause = error.cause instanceof DomainError ? error.cause : undefined;
      return { code: error.code, message: error.message, field: cause?.field };
    }
    throw error;
  }
  return { code: "OK", message: "" };
}

async function actor(persona: Persona) {
  return (await actorFor(db, persona))!;
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await orgId("icbl");
  mac = await orgId("mac");
});
afterAll(() => drop());

describe("createInvitation", () => {
  it("stores only the SHA-256 of a 32-byte base64url token, expires in 14 days, and is audited once", async () => {
    const email = uniqueEmail();
    const before = Date.now();
    const { invitation, token, acceptUrl } = await createInvitation(db, await actor("partnerIcbl"), {
      email: email.toUpperCase(),
      name: "New Colleague",
      role: "partner",
      organisationId: icbl,
      capabilities: ["view", "submit_reports"],
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(invitation.email).toBe(email);
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(acceptUrl.endsWith(`/invite/${token}`)).toBe(true);
    const days = (invitation.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "invitation"), eq(auditEvents.entityId, invitation.id)));
    expect(events.map((e) => e.action)).toEqual(["invitation.create"]);
    expect(JSON.stringify(events[0]!.after)).not.toContain(invitation.tokenHash);
  });

  const scope: {
    who: Persona;
    role: "partner" | "officer" | "admin";
    org: "icbl" | "mac" | null;
    caps?: string[];
    expected: string;
  }[] = [
    { who: "admin", role: "officer", org: null, expected: "OK" },
    { who: "admin", role: "admin", org: null, expected: "OK" },
    { who: "admin", role: "partner", org: "mac", caps: ["view", "manage_members"], expected: "OK" },
    { who: "admin", role: "partner", org: null, expected: "VALIDATION" },
    {
      who: "partnerIcbl",
      role: "partner",
      org: "icbl",
      caps: ["view", "submit_reports", "manage_members"],
      expected: "OK",
    },
    { who: "partnerIcbl", role: "partner", org: "mac", expected: "FORBIDDEN" },
    { who: "partnerIcbl", role: "officer", org: null, expected: "FORBIDDEN" },
    {
      who: "partnerIcbl",
      role: "partner",
      org: "icbl",
      caps: ["view", "manage_payment_requests"],
      expected: "FORBIDDEN",
    },
    // MAC's demo partner has no manage_members.
    { who: "partnerMac", role: "partner", org: "mac", expected: "FORBIDDEN" },
    { who: "officer", role: "partner", org: "icbl", expected: "FORBIDDEN" },
  ];
  for (const row of scope) {
    it(`${row.who} inviting a ${row.role}${row.org ? ` at ${row.org}` : ""}${row.caps ? ` with ${row.caps.join("+")}` : ""}: ${row.expected}`, async () => {
      const result = await failure(
        createInvitation(db, await actor(row.who), {
          email: uniqueEmail(),
          role: row.role,
          organisationId: row.org === "icbl" ? icbl : row.org === "mac" ? mac : null,
          capabilities: (row.caps ?? ["view"]) as ("view" | "submit_reports" | "manage_members")[],
        }),
      );
      expect(result.code).toBe(row.expected);
    });
  }

  it("through the API: a partner manager invites and sees the link; anonymous is refused", async () => {
    const { web } = await callers(db, "partnerIcbl");
    const created = await web.invitations.create({ email: uniqueEmail(), role: "partner", organisationId: icbl });
    expect(created.acceptUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const anonymous = await callers(db, "anonymous");
    expect(
      (await failure(anonymous.web.invitations.create({ email: uniqueEmail(), role: "partner", organisationId: icbl })))
        .code,
    ).toBe("UNAUTHORIZED");
  });

  it("refuses an email that already has an account, naming the field", async () => {
    const result = await failure(
      createInvitation(db, await actor("admin"), {
        email: "partner@mac.example.org",
        role: "partner",
        organisationId: mac,
      }),
    );
    expect(result).toMatchObject({ code: "CONFLICT", field: "email" });
  });
});

describe("acceptInvitation", () => {
  async function invite(capabilities: ("view" | "submit_reports")[] = ["view", "submit_reports"]) {
    const email = uniqueEmail();
    const created = await createInvitation(db, await actor("partnerIcbl"), {
      email,
      role: "partner",
      organisationId: icbl,
      capabilities,
    });
    return { ...created, email };
  }

  it("creates the user with a hashed password and the membership, marks it accepted, one audit event", async () => {
    const { invitation, token, email } = await invite();
    const { user, membership } = await acceptInvitation(db, { token, name: "  Casey Colleague ", password: PASSWORD });
    expect(user).toMatchObject({ email, name: "Casey Colleague", role: "partner" });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row!.passwordHash!)).toBe(true);
    expect(membership).toMatchObject({ organisationId: icbl, capabilities: ["view", "submit_reports"] });
    const [accepted] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(accepted!.acceptedAt).not.toBeNull();
    expect(accepted!.acceptedUserId).toBe(user.id);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, invitation.id), eq(auditEvents.action, "invitation.accept")));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(user.id);
  });

  it("the new colleague sees only their organisation's grants", async () => {
    const { token, email } = await invite(["view"]);
    await acceptInvitation(db, { token, name: "Viewer", password: PASSWORD });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const orgs = await db.select().from(memberships).where(eq(memberships.userId, user!.id));
    const web = createWebCaller({
      db,
      locale: "en",
      actor: { userId: user!.id, role: "partner", organisationIds: orgs.map((o) => o.organisationId) },
    });
    const list = await web.grants.list({ pageSize: 200 });
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.rows.map((g) => g.recipient.id))).toEqual(new Set([icbl]));
  });

  it("refuses a used link", async () => {
    const { token } = await invite();
    await acceptInvitation(db, { token, name: "First", password: PASSWORD });
    const refused = await failure(acceptInvitation(db, { token, name: "Second", password: PASSWORD }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("already been used");
  });

  it("refuses an expired link", async () => {
    const { token, invitation } = await invite();
    await db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, invitation.id));
    const refused = await failure(acceptInvitation(db, { token, name: "Late", password: PASSWORD }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("expired");
    expect(await db.$count(users, eq(users.email, invitation.email))).toBe(0);
  });

  it("refuses a withdrawn link, and only the organisation's manager (or an admin) may withdraw", async () => {
    const { token, invitation } = await invite();
    const mac = await callers(db, "partnerMac");
    expect((await failure(mac.web.invitations.revoke({ invitationId: invitation.id }))).code).toBe("NOT_FOUND");
    const icblManager = await callers(db, "partnerIcbl");
    await icblManager.web.invitations.revoke({ invitationId: invitation.id });
    const refused = await failure(acceptInvitation(db, { token, name: "Withdrawn", password: PASSWORD }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("withdrawn");
  });

  it("refuses an unknown token and a short password, naming the field", async () => {
    expect(await failure(acceptInvitation(db, { token: "nope", name: "X", password: PASSWORD }))).toMatchObject({
      code: "NOT_FOUND",
      field: "token",
    });
    const { token } = await invite();
    expect(await failure(acceptInvitation(db, { token, name: "X", password: "short" }))).toMatchObject({
      code: "VALIDATION",
      field: "password",
    });
  });

  it("two simultaneous acceptances of one link create one account", async () => {
    const { token, email } = await invite();
    const results = await Promise.all([
      failure(acceptInvitation(db, { token, name: "One", password: PASSWORD })),
      failure(acceptInvitation(db, { token, name: "Two", password: PASSWORD })),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.$count(users, eq(users.email, email))).toBe(1);
  });
});
