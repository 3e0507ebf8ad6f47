import { auditEvents, type Database } from "@portal/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEventBatches } from "../../packages/api/src/services/admin/list-audit-events";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
type Admin = Awaited<ReturnType<typeof callers>>["admin"];
let admin: Admin;
let adminId: string;
let organisationId: string;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  const c = await callers(db, "admin");
  admin = c.admin;
  adminId = c.actor!.userId;
  // Some history of the admin's own: an organisation created and edited twice.
  ({ id: organisationId } = await admin.organisations.create({
    legalNameEn: "Audit Test Organisation",
    legalNameFr: "Organisation d'essai",
    acronym: "ATO",
    iatiType: 22,
    countryCode: "CA",
    website: "https://example.org",
  }));
  for (const acronym of ["ATO2", "ATO3"])
    await admin.organisations.update({
      id: organisationId,
      data: {
        legalNameEn: "Audit Test Organisation",
        legalNameFr: "Organisation d'essai",
        acronym,
        iatiType: 22,
        countryCode: "CA",
        website: "https://example.org",
      },
    });
});
afterAll(() => drop());

describe("organisations", () => {
  it("writes one audit event per change with before and after", async () => {
    const trail = await admin.audit.list({ filters: { entityType: "organisation", entityId: organisationId } });
    expect(trail.rows.map((e) => e.action)).toEqual([
      "organisation.update",
      "organisation.update",
      "organisation.create",
    ]);
    expect(trail.rows[0]).toMatchObject({ before: { acronym: "ATO2" }, after: { acronym: "ATO3" } });
    expect(trail.rows[2]).toMatchObject({ before: null, after: { slug: "ato", countryCode: "CA" } });
    const byId = await admin.organisations.byId({ id: organisationId });
    expect(byId).toMatchObject({ acronym: "ATO3", countryNameFr: "Canada", members: [], grants: [] });
  });

  it("refuses an unknown country or IATI type", async () => {
    const base = { legalNameEn: "X", legalNameFr: "X", acronym: null, website: null };
    expect(await codeOf(admin.organisations.create({ ...base, iatiType: 22, countryCode: "ZZ" }))).toBe("VALIDATION");
    expect(await codeOf(admin.organisations.create({ ...base, iatiType: 99, countryCode: null }))).toBe("BAD_REQUEST");
  });

  it("gives each new organisation a free slug", async () => {
    const data = { legalNameEn: "Slug Test", legalNameFr: "Essai", acronym: "ATO", iatiType: 22 };
    const { id } = await admin.organisations.create(data);
    expect((await admin.organisations.byId({ id })).slug).toBe("ato-2");
  });
});

describe("the audit log's filters", () => {
  it("filters by actor, action, entity type, entity id and date range, newest first", async () => {
    const mine = await admin.audit.list({ filters: { actorId: adminId }, pageSize: 200 });
    expect(mine.total).toBeGreaterThanOrEqual(3);
    expect(mine.rows.every((e) => e.actor.id === adminId)).toBe(true);
    const updates = await admin.audit.list({ filters: { action: "organisation.update" } });
    expect(updates.rows.every((e) => e.action === "organisation.update")).toBe(true);
    expect(updates.total).toBe(2);
    const grants = await admin.audit.list({ filters: { entityType: "grant" }, pageSize: 200 });
    expect(grants.rows.length).toBeGreaterThan(0);
    expect(grants.rows.every((e) => e.entityType === "grant")).toBe(true);
    const times = mine.rows.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const today = new Date().toISOString().slice(0, 10);
    const todays = await admin.audit.list({ filters: { actorId: adminId, from: today, to: today } });
    expect(todays.total).toBe(mine.total);
    expect((await admin.audit.list({ filters: { actorId: adminId, to: "2000-01-01" } })).total).toBe(0);
    expect(await codeOf(admin.audit.list({ filters: { from: "2002-02-02", to: "2001-01-01" } }))).toBe("BAD_REQUEST");
    const options = await admin.audit.filterOptions();
    expect(options.actors.map((a) => a.id)).toContain(adminId);
    expect(options.actions).toContain("organisation.create");
    expect(options.entityTypes).toContain("organisation");
  });

  it("pages in a stable order: pages never overlap and together are the whole filtered log", async () => {
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents)) as [{ n: number }];
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const result = await admin.audit.list({ page, pageSize: 7 });
      expect(result.total).toBe(n);
      if (result.rows.length === 0) break;
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(n);
    // The export reads the same order by keyset, in batches.
    const actor = (await callers(db, "admin")).actor!;
    const exported: number[] = [];
    for await (const batch of auditEventBatches(db, actor, {}, 5)) exported.push(...batch.map((r) => r.id));
    expect(exported).toEqual(seen);
  });
});
