import { randomUUID } from "node:crypto";
import { type Actor, createAdminCaller, createWebCaller, webRouter } from "@portal/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { auditEvents, type Database, users, userSessions, userTotp } from "@portal/db";
import { hashPassword, verifyPassword } from "@portal/domain/password";
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../packages/auth/src/credentials";
import { createSessionRecord } from "../../packages/auth/src/sessions/session-records";
import { actorFor } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, freshAllocation, grantIn, grantInput, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
const PASSWORD = "a-long-test-password";
const LIFETIME = { absoluteSeconds: 3600, idleSeconds: 1800 };
const request = () =>
  new Request("http://localhost/", {
    headers: { "x-forwarded-for": `10.9.${randomUUID().slice(0, 2).charCodeAt(0)}.1` },
  });

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

async function newUser(role: "admin" | "officer" | "partner") {
  const [user] = await db
    .insert(users)
    .values({
      email: `account-${randomUUID().slice(0, 8)}@example.org`,
      name: `Account ${role}`,
      role,
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning();
  return user!;
}

const actorOf = (user: { id: string; role: "admin" | "officer" | "partner" }, extra: Partial<Actor> = {}): Actor => ({
  userId: user.id,
  role: user.role,
  organisationIds: [],
  ...extra,
});
const web = (actor: Actor) => createWebCaller({ db, actor, locale: "en" });

/** A mutation over HTTP, as the browser sends it, so the error formatter (and its French messages) runs. */
async function httpMutation(actor: Actor, locale: "en" | "fr", path: string, input: unknown) {
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
  const body = (await response.json()) as { error: { json: { message: string; data: { domainCode: string } } } };
  return { status: response.status, message: body.error.json.message, domainCode: body.error.json.data.domainCode };
}

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error("expected a refusal");
}

/** The next code of a secret whose current code was just used (codes are accepted once). */
async function freshCode(secret: string, usedStep: number): Promise<string> {
  const step = Math.floor(Date.now() / 30_000);
  return generate({ secret, epoch: (step > usedStep ? step : usedStep + 1) * 30 });
}

describe("TOTP enrolment and sign-in", () => {
  it("an officer enrols with a QR code, confirms with a code, and is then asked for a code at sign-in", async () => {
    const officer = await newUser("officer");
    const api = web(actorOf(officer));
    expect(await api.account.security()).toMatchObject({ canEnrol: true, totpEnrolled: false });
    const started = await api.account.startTotp();
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.uri).toContain(`secret=${started.secret}`);
    // A pending enrolment does not change sign-in yet.
    await expect(
      authorizeCredentials(db, "web", { email: officer.email, password: PASSWORD }, request()),
    ).resolves.toMatchObject({ secondFactor: false });

    expect(await refusalCode(api.account.confirmTotp({ code: "000000" }))).toBe("BAD_REQUEST");
    await api.account.confirmTotp({ code: await generate({ secret: started.secret }) });
    expect(await api.account.security()).toMatchObject({ totpEnrolled: true });
    const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, officer.id));
    expect(row!.secret).not.toContain(started.secret); // stored encrypted

    expect(
      await refusalCode(authorizeCredentials(db, "web", { email: officer.email, password: PASSWORD }, request())),
    ).toBe("totp_required");
    expect(
      await refusalCode(
        authorizeCredentials(db, "web", { email: officer.email, password: PASSWORD, code: "123456" }, request()),
      ),
    ).toBe("totp_invalid");
    const code = await freshCode(started.secret, row!.lastStep!);
    await expect(
      authorizeCredentials(db, "web", { email: officer.email, password: PASSWORD, code }, request()),
    ).resolves.toMatchObject({ id: officer.id, secondFactor: true });
    // The same code cannot be used twice.
    expect(
      await refusalCode(authorizeCredentials(db, "web", { email: officer.email, password: PASSWORD, code }, request())),
    ).toBe("totp_invalid");
    const actions = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, officer.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.totp_enrolment_started", "user.totp_enrol"]),
    );
  });

  it("partners cannot enrol; removing the authenticator needs the password", async () => {
    const partner = await newUser("partner");
    expect(await refusalCode(web(actorOf(partner)).account.startTotp())).toBe("FORBIDDEN");
    const admin = await newUser("admin");
    const console = createAdminCaller({ db, actor: actorOf(admin), locale: "en" });
    const { secret } = await console.account.startTotp();
    await console.account.confirmTotp({ code: await generate({ secret }) });
    expect(await refusalCode(console.account.removeTotp({ currentPassword: "wrong" }))).toBe("BAD_REQUEST");
    await console.account.removeTotp({ currentPassword: PASSWORD });
    expect(await db.select().from(userTotp).where(eq(userTotp.userId, admin.id))).toHaveLength(0);
  });
});

describe("second factor required for approvals (admin setting, enforced by the API)", () => {
  it("refuses approving grants and payments without a second-factor session once the setting is on", async () => {
    const icbl = await organisationIdOf(db, "icbl");
    const allocation = await freshAllocation(db, 100_000_000_000);
    const admin = createAdminCaller({ db, actor: (await actorFor(db, "admin"))!, locale: "en" });
    // Grants are created by "officer"; four eyes make "officer2" the approver.
    const officer = (await actorFor(db, "officer2"))!;
    const plain = web(officer);
    const verified = web({ ...officer, secondFactor: true });
    const submitted = () => grantIn(db, "submitted", grantInput(icbl, [allocation]));

    // Off (the default): approving works as before.
    await plain.grants.transition({ id: await submitted(), action: "approve" });

    await admin.security.updateSettings({ approvalsRequireSecondFactor: true });
    expect(await admin.security.settings()).toEqual({ approvalsRequireSecondFactor: true });
    const grant = await submitted();
    const error = await plain.grants.transition({ id: grant, action: "approve" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    expect((error as Error).message).toContain("Account security");
    expect(await refusalCode(plain.payments.act({ id: randomUUID(), action: "approve" }))).toBe("FORBIDDEN");
    // Other actions are not affected; a second-factor session approves.
    expect(await codeOf(plain.payments.act({ id: randomUUID(), action: "markDue" }))).toBe("NOT_FOUND");
    expect(await codeOf(verified.payments.act({ id: randomUUID(), action: "approve" }))).toBe("NOT_FOUND");
    await verified.grants.transition({ id: grant, action: "approve" });

    // Over HTTP (where the error formatter runs) French readers get the instruction in French.
    const fr = await httpMutation(officer, "fr", "grants.transition", { id: await submitted(), action: "approve" });
    expect(fr).toMatchObject({ status: 403, domainCode: "SECOND_FACTOR_REQUIRED" });
    expect(fr.message).toContain("second facteur");

    await admin.security.updateSettings({ approvalsRequireSecondFactor: false });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, "setting.update"));
    expect(audit.map((a) => a.after)).toEqual([{ value: true }, { value: false }]);
  });
});

describe("password change", () => {
  it("needs the current password, refuses weak ones in both languages, and ends the other sessions", async () => {
    const user = await newUser("partner");
    const here = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    const elsewhere = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    const api = web(actorOf(user, { sessionId: here.id }));

    expect(
      await refusalCode(
        api.account.changePassword({ currentPassword: "wrong", newPassword: "quartz lantern orbit meadow" }),
      ),
    ).toBe("BAD_REQUEST");
    for (const weak of ["password1234", "P@ssw0rd12345", "azertyuiop123", "motdepasse2024"]) {
      const error = await api.account
        .changePassword({ currentPassword: PASSWORD, newPassword: weak })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toContain("too easy to guess");
    }
    const fr = await httpMutation(actorOf(user), "fr", "account.changePassword", {
      currentPassword: PASSWORD,
      newPassword: "password1234",
    });
    expect(fr).toMatchObject({ status: 400, domainCode: "WEAK_PASSWORD" });
    expect(fr.message).toContain("trop facile à deviner");

    expect(
      await api.account.changePassword({ currentPassword: PASSWORD, newPassword: "quartz lantern orbit meadow" }),
    ).toEqual({ otherSessionsEnded: 1 });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword("quartz lantern orbit meadow", row!.passwordHash!)).toBe(true);
    const left = await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id));
    expect(left.map((s) => s.id)).toEqual([here.id]);
    expect(left.map((s) => s.id)).not.toContain(elsewhere.id);
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.password_change"))),
    ).toHaveLength(1);
  });
});
