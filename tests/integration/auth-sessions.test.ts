import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import { auditEvents, type Database, memberships, signInThrottle, users, userSessions } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../packages/auth/src/credentials";
import { safeNextPath } from "../../packages/auth/src/safe-next-path";
import { cachedSessionUser } from "../../packages/auth/src/session-user";
import { checkSessionRecord, createSessionRecord } from "../../packages/auth/src/sessions/session-records";
import { THROTTLE_RULES } from "../../packages/auth/src/throttle";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
const LIFETIME = { absoluteSeconds: 12 * 3600, idleSeconds: 30 * 60 };
const PASSWORD = "a-long-test-password";

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

async function newUser(role: "admin" | "officer" | "partner", passwordHash?: string) {
  const [user] = await db
    .insert(users)
    .values({
      email: `auth-${randomUUID().slice(0, 8)}@example.org`,
      name: `Auth ${role}`,
      role,
      passwordHash: passwordHash ?? (await hashPassword(PASSWORD)),
    })
    .returning();
  return user!;
}

/** A request from a given client address, as Next.js hands it to Auth.js. */
const from = (address: string) => new Request("http://localhost/", { headers: { "x-forwarded-for": address } });
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error("expected a refusal");
}

describe("server-side sessions", () => {
  it("a session row is live until deleted: signing out (deleting it) kills every copy of the cookie", async () => {
    const user = await newUser("officer");
    const session = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toMatchObject({ userId: user.id });
    // The same id in the other app is not a session there.
    expect(await checkSessionRecord(db, session.id, "admin", LIFETIME)).toBeNull();
    await db.delete(userSessions).where(eq(userSessions.id, session.id));
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toBeNull();
  });

  it("refuses a session past its absolute lifetime, however recently it was used", async () => {
    const user = await newUser("officer");
    const session = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, session.id));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(LIFETIME.absoluteSeconds * 1000);
    await db
      .update(userSessions)
      .set({ expiresAt: sql`now() - interval '1 second'`, lastSeenAt: sql`now()` })
      .where(eq(userSessions.id, session.id));
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toBeNull();
    // A dead session is removed, not merely refused.
    expect(await db.select().from(userSessions).where(eq(userSessions.id, session.id))).toHaveLength(0);
  });

  it("refuses a session idle for longer than the idle timeout, and moves the idle clock at most once a minute", async () => {
    const user = await newUser("partner");
    const session = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    const seen = async () =>
      (await db.select().from(userSessions).where(eq(userSessions.id, session.id)))[0]!.lastSeenAt.getTime();
    await db
      .update(userSessions)
      .set({ lastSeenAt: sql`now() - interval '10 minutes'` })
      .where(eq(userSessions.id, session.id));
    const before = await seen();
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).not.toBeNull();
    const touched = await seen();
    expect(touched).toBeGreaterThan(before);
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).not.toBeNull();
    expect(await seen()).toBe(touched); // within the minute: no write
    await db
      .update(userSessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(userSessions.id, session.id));
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toBeNull();
  });

  it("deactivation still revokes for good: a session from before it stays dead after reactivation", async () => {
    const { admin } = await callers(db, "admin");
    const user = await newUser("officer");
    const session = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    await admin.users.setActive({ userId: user.id, active: false });
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toBeNull();
    await admin.users.setActive({ userId: user.id, active: true });
    expect(await checkSessionRecord(db, session.id, "web", LIFETIME)).toBeNull();
  });

  it("an admin ends all of a user's sessions in both apps, audited; the user may sign in again", async () => {
    const { admin } = await callers(db, "admin");
    const user = await newUser("admin");
    const web = await createSessionRecord(db, { userId: user.id, app: "web", secondFactor: false, lifetime: LIFETIME });
    const console = await createSessionRecord(db, {
      userId: user.id,
      app: "admin",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    expect(await admin.users.sessions({ userId: user.id })).toEqual({ active: 2 });
    expect(await admin.users.endSessions({ userId: user.id })).toEqual({ userId: user.id, ended: 2 });
    expect(await checkSessionRecord(db, web.id, "web", LIFETIME)).toBeNull();
    expect(await checkSessionRecord(db, console.id, "admin", LIFETIME)).toBeNull();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.end_sessions")));
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({ sessions: 2 });
    await expect(
      authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address())),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("the cached session user is reused only while the user's auth_version is unchanged", async () => {
    const icbl = await organisationIdOf(db, "icbl");
    const user = await newUser("officer");
    const session = await createSessionRecord(db, {
      userId: user.id,
      app: "web",
      secondFactor: false,
      lifetime: LIFETIME,
    });
    const first = await checkSessionRecord(db, session.id, "web", LIFETIME);
    expect(await cachedSessionUser(db, user.id, first!.authVersion)).toMatchObject({ role: "officer" });
    // Whatever changes the role or memberships (here plain SQL) bumps the version through the triggers.
    await db.update(users).set({ role: "partner" }).where(eq(users.id, user.id));
    await db.insert(memberships).values({ userId: user.id, organisationId: icbl });
    const second = await checkSessionRecord(db, session.id, "web", LIFETIME);
    expect(second!.authVersion).toBeGreaterThan(first!.authVersion);
    expect(await cachedSessionUser(db, user.id, second!.authVersion)).toMatchObject({
      role: "partner",
      organisationIds: [icbl],
    });
    // Unchanged version: the cached user is served without reading the user again.
    await db.execute(sql`update users set auth_version = auth_version where id = ${user.id}`);
    expect((await checkSessionRecord(db, session.id, "web", LIFETIME))!.authVersion).toBe(second!.authVersion);
  });
});

describe("sign-in throttling, per account and per address, in the database", () => {
  it("blocks an account after repeated failures, even with the right password, and says how long to wait", async () => {
    const user = await newUser("officer");
    for (let i = 0; i < THROTTLE_RULES.account.free; i++) {
      expect(
        await refusal(authorizeCredentials(db, "web", { email: user.email, password: "wrong" }, from(address()))),
      ).toBe("invalid_credentials");
    }
    expect(
      await refusal(authorizeCredentials(db, "web", { email: user.email, password: "wrong" }, from(address()))),
    ).toBe("invalid_credentials");
    const code = await refusal(
      authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address())),
    );
    expect(code).toMatch(/^too_many_attempts:\d+$/);
    expect(Number(code.split(":")[1])).toBeGreaterThan(0);
    expect(Number(code.split(":")[1])).toBeLessThanOrEqual(THROTTLE_RULES.account.firstWaitSeconds);
    const actions = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user.id))
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual([
      ...Array.from({ length: THROTTLE_RULES.account.free + 1 }, () => "session.sign_in_failed"),
      "session.sign_in_throttled",
    ]);
    // Once the block ends the right password works and clears the count.
    await db
      .update(signInThrottle)
      .set({ blockedUntil: sql`now() - interval '1 second'` })
      .where(eq(signInThrottle.key, `account:${user.email}`));
    await expect(
      authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address())),
    ).resolves.toMatchObject({ id: user.id });
    expect(
      await db
        .select()
        .from(signInThrottle)
        .where(eq(signInThrottle.key, `account:${user.email}`)),
    ).toHaveLength(0);
  });

  it("counts concurrent failures from many requests (as from several app instances) without losing any", async () => {
    const user = await newUser("officer");
    const attempts = 20;
    await Promise.all(
      Array.from({ length: attempts }, () =>
        refusal(authorizeCredentials(db, "web", { email: user.email, password: "wrong" }, from(address()))),
      ),
    );
    const [row] = await db
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, `account:${user.email}`));
    // Requests that found the account already blocked were refused before counting.
    expect(row!.failures).toBeGreaterThan(THROTTLE_RULES.account.free);
    expect(row!.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("blocks a client address guessing across many accounts", async () => {
    const client = address();
    for (let i = 0; i < THROTTLE_RULES.address.free + 1; i++) {
      await refusal(authorizeCredentials(db, "web", { email: `nobody-${i}@example.org`, password: "x" }, from(client)));
    }
    const user = await newUser("officer");
    expect(
      await refusal(authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(client))),
    ).toMatch(/^too_many_attempts:/);
    // Another address is not affected.
    await expect(
      authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address())),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("the admin console answers a non-admin's right password exactly as a wrong one", async () => {
    const officer = await newUser("officer");
    const right = await refusal(
      authorizeCredentials(db, "admin", { email: officer.email, password: PASSWORD }, from(address())),
    );
    const wrong = await refusal(
      authorizeCredentials(db, "admin", { email: officer.email, password: "nope" }, from(address())),
    );
    expect(right).toBe("invalid_credentials");
    expect(wrong).toBe(right);
  });
});

describe("password hashes", () => {
  it("stores argon2id and upgrades a legacy scrypt hash at the next successful sign-in", async () => {
    expect(await hashPassword(PASSWORD)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const salt = randomBytes(16);
    const legacy = [
      "scrypt",
      2 ** 15,
      8,
      1,
      salt.toString("base64url"),
      scryptSync(PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString("base64url"),
    ].join("$");
    const user = await newUser("partner", legacy);
    // A wrong password upgrades nothing.
    await refusal(authorizeCredentials(db, "web", { email: user.email, password: "wrong" }, from(address())));
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash).toBe(legacy);
    await authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address()));
    const upgraded = (await db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash!;
    expect(upgraded).toMatch(/^\$argon2id\$/);
    await expect(
      authorizeCredentials(db, "web", { email: user.email, password: PASSWORD }, from(address())),
    ).resolves.toMatchObject({ id: user.id });
  });
});

describe("redirect targets after sign-in", () => {
  it.each([
    ["/grants?fy=2001-2002", "/grants?fy=2001-2002"],
    ["/grants/abc#ledger", "/grants/abc#ledger"],
    ["/%09/evil.example", "/"],
    ["/%09%5Cevil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\\evil.example", "/"],
    ["//evil.example", "/"],
    ["/%2F/evil.example", "/"],
    ["/%252F%252Fevil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/%0d%0aSet-Cookie:x=1", "/"],
    ["/%E0%A4%A", "/"],
    ["", "/"],
  ])("%j becomes %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
