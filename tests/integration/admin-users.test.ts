import { randomUUID } from "node:crypto";
import { auditEvents, type Database, memberships, users } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../packages/auth/src/session-user";
import { checkSessionRecord, createSessionRecord } from "../../packages/auth/src/sessions/session-records";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, organisationIdOf, refusal } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
let adminId: string;
type Admin = Awaited<ReturnType<typeof callers>>["admin"];
let admin: Admin;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  const c = await callers(db, "admin");
  admin = c.admin;
  adminId = c.actor!.userId;
});
afterAll(() => drop());

/** A fresh account straight in the database (as an accepted invitation leaves it). */
async function newUser(role: "admin" | "officer" | "partner", organisationId?: string): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${randomUUID().slice(0, 8)}@example.org`,
      name: `Test ${role}`,
      role,
      passwordHash: await hashPassword("a-long-test-password"),
    })
    .returning();
  if (organisationId) await db.insert(memberships).values({ userId: user!.id, organisationId, capabilities: ["view"] });
  return user!.id;
}

async function auditCount(entityId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return row!.n;
}

/** An admin-router caller acting as the given (new) admin user. */
function adminCaller(userId: string) {
  return import("@portal/api").then(({ createAdminCaller }) =>
    createAdminCaller({ db, locale: "en", actor: { userId, role: "admin", organisationIds: [] } }),
  );
}

describe("deactivation and role changes take effect on the next request", () => {
  it("a deactivated user's session is dropped for good; after reactivation only a new sign-in works", async () => {
    const id = await newUser("partner", mac);
    const lifetime = { absoluteSeconds: 3600, idleSeconds: 1800 };
    const open = () => createSessionRecord(db, { userId: id, app: "web", secondFactor: false, lifetime });
    const live = (session: { id: string }) => checkSessionRecord(db, session.id, "web", lifetime);
    const before = await open();
    expect(await live(before)).toMatchObject({ userId: id });
    expect(await loadSessionUser(db, id)).toMatchObject({ id, role: "partner", organisationIds: [mac] });
    await admin.users.setActive({ userId: id, active: false });
    expect(await live(before)).toBeNull();
    expect(await loadSessionUser(db, id)).toBeNull();
    await admin.users.setActive({ userId: id, active: true });
    // The session from before the deactivation stays dead; a new sign-in (a new session) works.
    expect(await live(before)).toBeNull();
    const after = await open();
    expect(await live(after)).toMatchObject({ userId: id });
    expect(await loadSessionUser(db, id)).toMatchObject({ id });
    const actions = await db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual(["user.deactivate", "user.reactivate"]);
    expect(actions[0]).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it("a role change is what the next session read sees; partners get and lose their organisations", async () => {
    const id = await newUser("officer");
    expect(await loadSessionUser(db, id)).toMatchObject({ role: "officer", organisationIds: [] });
    expect(await codeOf(admin.users.changeRole({ userId: id, role: "partner" }))).toBe("VALIDATION");
    await admin.users.changeRole({ userId: id, role: "partner", organisationId: icbl });
    expect(await loadSessionUser(db, id)).toMatchObject({ role: "partner", organisationIds: [icbl] });
    await admin.users.changeRole({ userId: id, role: "officer" });
    expect(await loadSessionUser(db, id)).toMatchObject({ role: "officer", organisationIds: [] });
    expect(await db.select().from(memberships).where(eq(memberships.userId, id))).toEqual([]);
    expect(await auditCount(id)).toBe(2);
  });

  it("a promoted officer can use the admin router, and loses it again when demoted", async () => {
    const id = await newUser("officer");
    await admin.users.changeRole({ userId: id, role: "admin" });
    const session = await loadSessionUser(db, id);
    expect(session?.role).toBe("admin");
    expect(await codeOf((await adminCaller(id)).users.list({}))).toBe("OK");
    await admin.users.changeRole({ userId: id, role: "officer" });
    expect((await loadSessionUser(db, id))?.role).toBe("officer");
  });
});

describe("an admin may not lock the console", () => {
  it("refuses to deactivate or demote oneself", async () => {
    expect(await refusal(admin.users.setActive({ userId: adminId, active: false }))).toMatchObject({
      code: "FORBIDDEN",
      field: "active",
    });
    expect(await codeOf(admin.users.changeRole({ userId: adminId, role: "officer" }))).toBe("FORBIDDEN");
    expect((await loadSessionUser(db, adminId))?.role).toBe("admin");
  });

  it("refuses to remove the last active admin, and allows it while another admin remains", async () => {
    const second = await newUser("admin");
    const asSecond = await adminCaller(second);
    // Two active admins: the second may deactivate the seeded one...
    expect(await codeOf(asSecond.users.setActive({ userId: adminId, active: false }))).toBe("OK");
    // ...which leaves the second as the last: the seeded admin is gone, so nobody can demote or deactivate them.
    const lastAdmin = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)));
    expect(lastAdmin.map((u) => u.id)).toEqual([second]);
    // A deactivated admin's actor would be refused at sign-in; here the check itself is what matters:
    const ghost = await adminCaller(adminId);
    expect(await refusal(ghost.users.setActive({ userId: second, active: false }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await refusal(ghost.users.changeRole({ userId: second, role: "officer" }))).toMatchObject({
      code: "CONFLICT",
    });
    expect((await loadSessionUser(db, second))?.role).toBe("admin");
    // Restore the seeded admin, and retire the second, for the other tests.
    expect(await codeOf(asSecond.users.setActive({ userId: adminId, active: true }))).toBe("OK");
    expect(await codeOf(admin.users.setActive({ userId: second, active: false }))).toBe("OK");
  });

  it("two admins deactivating each other at once leave one of them active", async () => {
    // Only the two of them are active admins, so each deactivation alone is allowed but not both. Several rounds,
    // since a race needs the two transactions to overlap.
    const others = await db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.role, "admin"), eq(users.active, true)))
      .returning({ id: users.id });
    try {
      for (let round = 0; round < 8; round++) {
        const [a, b] = [await newUser("admin"), await newUser("admin")];
        const [callerA, callerB] = [await adminCaller(a), await adminCaller(b)];
        const outcomes = await Promise.all([
          codeOf(callerA.users.setActive({ userId: b, active: false })),
          codeOf(callerB.users.setActive({ userId: a, active: false })),
        ]);
        expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
        const active = await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, "admin"), eq(users.active, true)));
        expect(active).toHaveLength(1);
        await db.update(users).set({ active: false }).where(eq(users.id, active[0]!.id));
      }
    } finally {
      for (const other of others) await db.update(users).set({ active: true }).where(eq(users.id, other.id));
    }
  });
});

describe("memberships and capabilities", () => {
  it("adds, edits and removes a partner's memberships, one audit event each", async () => {
    const id = await newUser("partner", mac);
    const added = await admin.users.saveMembership({
      userId: id,
      organisationId: icbl,
      capabilities: ["submit_reports"],
    });
    expect(added.capabilities).toEqual(["view", "submit_reports"]);
    expect((await loadSessionUser(db, id))?.organisationIds.sort()).toEqual([icbl, mac].sort());
    const edited = await admin.users.saveMembership({
      userId: id,
      organisationId: icbl,
      capabilities: ["view", "manage_members"],
    });
    expect(edited.capabilities).toEqual(["view", "manage_members"]);
    await admin.users.removeMembership({ userId: id, organisationId: icbl });
    expect((await loadSessionUser(db, id))?.organisationIds).toEqual([mac]);
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, added.id))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["membership.create", "membership.update", "membership.delete"]);
    // The last organisation stays: deactivate the partner instead.
    expect(await codeOf(admin.users.removeMembership({ userId: id, organisationId: mac }))).toBe("CONFLICT");
  });

  it("staff have no memberships", async () => {
    const id = await newUser("officer");
    expect(await codeOf(admin.users.saveMembership({ userId: id, organisationId: icbl, capabilities: ["view"] }))).toBe(
      "VALIDATION",
    );
  });
});

describe("invitations from the console", () => {
  it("invites a partner colleague at MAC and returns the accept link; refuses an existing account", async () => {
    const email = `colleague-${randomUUID().slice(0, 8)}@mac.example.org`;
    const invited = await admin.users.invite({
      email,
      name: "A Colleague",
      role: "partner",
      organisationId: mac,
      capabilities: ["view", "submit_reports"],
    });
    expect(invited).toMatchObject({ email, role: "partner", organisationId: mac });
    expect(invited.acceptUrl).toMatch(/\/invite\/[\w-]+$/);
    const pending = await admin.users.pendingInvitations();
    expect(pending.find((p) => p.email === email)?.capabilities).toEqual(["view", "submit_reports"]);
    expect(await auditCount(invited.id)).toBe(1);
    expect(
      await codeOf(admin.users.invite({ email: "partner@mac.example.org", role: "partner", organisationId: mac })),
    ).toBe("CONFLICT");
    expect(await codeOf(admin.users.invite({ email: `x-${randomUUID()}@example.org`, role: "partner" }))).toBe(
      "VALIDATION",
    );
  });
});

describe("user list", () => {
  it("searches by name, email or organisation and filters by role and active", async () => {
    const mine = await newUser("partner", mac);
    await admin.users.setActive({ userId: mine, active: false });
    const byOrg = await admin.users.list({ q: "Mines Action Canada" });
    expect(byOrg.rows.map((u) => u.email)).toContain("partner@mac.example.org");
    expect(byOrg.rows.every((u) => u.organisations.some((o) => o.id === mac))).toBe(true);
    const inactive = await admin.users.list({ active: false, pageSize: 200 });
    expect(inactive.rows.map((u) => u.id)).toContain(mine);
    expect(inactive.rows.every((u) => !u.active)).toBe(true);
    const officers = await admin.users.list({ role: "officer", pageSize: 200 });
    expect(officers.rows.map((u) => u.email)).toEqual(
      expect.arrayContaining(["officer@example.org", "officer2@example.org"]),
    );
    expect(officers.rows.every((u) => u.role === "officer")).toBe(true);
    expect(officers.total).toBe(officers.rows.length);
  });
});
