import { auditEvents, type Database, memberships, users } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, organisationIdOf, refusal } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
let colleagueMembershipId: string;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  const [user] = await db
    .insert(users)
    .values({ email: "colleague@icbl.example.org", name: "Cam Colleague", role: "partner" })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ userId: user!.id, organisationId: icbl, capabilities: ["view"] })
    .returning();
  colleagueMembershipId = membership!.id;
});
afterAll(() => drop());

describe("the members page", () => {
  it("shows an ICBL manager their colleagues, what each may do, and pending invitations", async () => {
    const { web } = await callers(db, "partnerIcbl");
    await web.invitations.create({ email: "pending@icbl.example.org", role: "partner", organisationId: icbl });
    const list = await web.members.list({});
    expect(list.canManage).toBe(true);
    expect(list.members.map((m) => m.email).sort()).toEqual(["colleague@icbl.example.org", "partner@icbl.example.org"]);
    expect(list.members.find((m) => m.isMe)!.capabilities).toContain("manage_members");
    expect(list.invitations.map((i) => i.email)).toContain("pending@icbl.example.org");
    expect(JSON.stringify(list)).not.toContain("tokenHash");
  });

  it("shows a MAC member without manage_members their colleagues but no invitations", async () => {
    const { web } = await callers(db, "partnerMac");
    const list = await web.members.list({});
    expect(list.organisation.id).toBe(mac);
    expect(list.canManage).toBe(false);
    expect(list.invitations).toEqual([]);
    expect(list.members.map((m) => m.email)).toContain("partner@mac.example.org");
    expect(list.members.every((m) => m.email.endsWith("mac.example.org"))).toBe(true);
  });
});

describe("changing a colleague's capabilities", () => {
  it("a manager may, within their own rights; the change is audited once", async () => {
    const { web } = await callers(db, "partnerIcbl");
    const updated = await web.members.updateCapabilities({
      membershipId: colleagueMembershipId,
      capabilities: ["submit_reports"],
    });
    expect(updated.capabilities).toEqual(["view", "submit_reports"]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, colleagueMembershipId), eq(auditEvents.action, "membership.update")));
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({ capabilities: ["view"] });
  });

  it("not beyond the manager's own rights, and not their own", async () => {
    const { web, actor } = await callers(db, "partnerIcbl");
    expect(
      await refusal(
        web.members.updateCapabilities({
          membershipId: colleagueMembershipId,
          capabilities: ["manage_payment_requests"],
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", field: "capabilities" });
    const [mine] = await db.select().from(memberships).where(eq(memberships.userId, actor!.userId));
    expect(
      await refusal(web.members.updateCapabilities({ membershipId: mine!.id, capabilities: ["view"] })),
    ).toMatchObject({ code: "FORBIDDEN", field: "capabilities" });
  });

  it("a member without manage_members may not; another organisation's member is not found", async () => {
    const mac = await callers(db, "partnerMac");
    expect(
      await codeOf(mac.web.members.updateCapabilities({ membershipId: colleagueMembershipId, capabilities: ["view"] })),
    ).toBe("NOT_FOUND");
    const [macMembership] = await db.select().from(memberships).where(eq(memberships.userId, mac.actor!.userId));
    const icblManager = await callers(db, "partnerIcbl");
    expect(
      await codeOf(
        icblManager.web.members.updateCapabilities({ membershipId: macMembership!.id, capabilities: ["view"] }),
      ),
    ).toBe("NOT_FOUND");
    const officer = await callers(db, "officer");
    expect(
      await codeOf(
        officer.web.members.updateCapabilities({ membershipId: colleagueMembershipId, capabilities: ["view"] }),
      ),
    ).toBe("FORBIDDEN");
  });
});
