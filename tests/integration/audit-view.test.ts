import type { Database } from "@portal/db";
import { messagesFor } from "@portal/ui/i18n";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  approvedUnscheduled,
  freshAllocation,
  grantIn,
  grantInput,
  newReference,
  organisationIdOf,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let grantId: string;
let reference: string;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  const allocation = await freshAllocation(db, 50_000_000, 2002);
  const input = { ...grantInput(await organisationIdOf(db, "icbl"), [allocation], 6_000_000) };
  reference = newReference();
  grantId = await grantIn(db, "active", { ...input, reference });
  await approvedUnscheduled(db, grantId, 1_500_000);
});
afterAll(() => drop());

describe("the audit log as people read it", () => {
  it("names the grant's records by reference and title, with a link, in the portal's trail", async () => {
    const { web } = await callers(db, "officer");
    const trail = await web.grants.auditTrail({ id: grantId });
    const created = trail.find((e) => e.action === "grant.create")!;
    expect(created.record).toMatchObject({ reference, href: { app: "web", path: `/grants/${grantId}` } });
    expect(created.record!.title!.en).toBeTruthy();
    const approval = trail.find((e) => e.action === "payment.approve")!;
    expect(approval.record).toMatchObject({ reference, sentence: { key: "paymentOf" } });
    expect(JSON.stringify(trail)).not.toMatch(/"record":null/);
  });

  it("marks amounts as money (minor units and currency), not bare numbers", async () => {
    const { web } = await callers(db, "officer");
    const trail = await web.grants.auditTrail({ id: grantId });
    const requested = trail.find((e) => e.action === "payment.requestUnscheduled")!;
    const amount = requested.changes.find((c) => c.field === "amount")!;
    expect(amount.after).toEqual({ kind: "money", amount: 1_500_000, currency: "CAD" });
  });

  it("counts the same changes in the portal and the console", async () => {
    const { web } = await callers(db, "officer");
    const { admin } = await callers(db, "admin");
    const trail = await web.grants.auditTrail({ id: grantId });
    const log = await admin.audit.list({ filters: { entityType: "grant", entityId: grantId }, page: 1, pageSize: 50 });
    expect(log.rows.length).toBeGreaterThan(0);
    for (const row of log.rows) {
      const same = trail.find((e) => e.id === row.id)!;
      expect(same.changes.length).toBe(row.changes.length);
      expect(same.record).toEqual(row.record);
    }
  });

  it("finds events by free text: a grant's reference finds its own events", async () => {
    const { admin } = await callers(db, "admin");
    const log = await admin.audit.list({ filters: { q: reference.toLowerCase() }, page: 1, pageSize: 50 });
    expect(log.total).toBeGreaterThanOrEqual(4);
    expect(log.rows.every((r) => r.entityType !== "grant" || r.entityId === grantId)).toBe(true);
    expect(log.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["grant.create", "grant.approve"]));
    const none = await admin.audit.list({ filters: { q: "no-such-thing-%_" }, page: 1, pageSize: 50 });
    expect(none.total).toBe(0);
  });

  it("has words for every action the services write, in both languages", async () => {
    const { admin } = await callers(db, "admin");
    const { actions } = await admin.audit.filterOptions();
    for (const locale of ["en", "fr"] as const) {
      const words = messagesFor(locale).auditLog.actions as Record<string, Record<string, string>>;
      for (const action of actions) {
        const [entity, verb] = action.split(".") as [string, string];
        expect(typeof words[entity]?.[verb], `words for ${action} in ${locale}`).toBe("string");
      }
    }
  });
});
