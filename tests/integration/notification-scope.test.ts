import { dispatchAuditEvents } from "@portal/api/notifications";
import { type Database, officerProgrammes, users } from "@portal/db";
import { createMailer, deliverPendingEmails, type Mailer } from "@portal/jobs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { freshAllocation, grantIn, grantInput, organisationIdOf, refusal } from "./support/ledger-fixtures";
import { startSmtpSink } from "./support/smtp-sink";

// Notifications follow officer scope: an officer hears of a grant only when they manage it (its every funding line in
// their programmes). Each role's preferences offer only the categories it receives. Real PostgreSQL, a real SMTP
// server.

const OFFICER = "officer@example.org";
const OFFICER2 = "officer2@example.org";
const OFFICER3 = "officer3@example.org"; // MMP only: the test programmes are outside their scope

let db: Database;
let drop: () => Promise<void>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
let icbl: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

async function flush() {
  await dispatchAuditEvents(db);
  await deliverPendingEmails(db, mailer);
}

async function userIdOf(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

async function programmeOf(allocationId: string) {
  const rows = (await db.execute(
    sql`select programme_id as id from allocations where id = ${allocationId}::uuid`,
  )) as unknown as { id: string }[];
  return rows[0]!.id;
}

beforeAll(async () => {
  process.env.PORTAL_URL = "https://grants.example.test";
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, drop } = await seededTestDatabase());
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, from: "Grants <grants@example.test>", replyTo: undefined })!;
  icbl = await organisationIdOf(db, "icbl");
  await dispatchAuditEvents(db); // the seed's history is not news
});
afterAll(async () => {
  await sink?.close();
  await drop();
});
beforeEach(async () => {
  await flush();
  sink.clear();
});

describe("officers hear only of the grants they manage", () => {
  it("a grant awaiting approval reaches the other officers of its programme, not an officer outside it", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000);
    const grantId = await grantIn(db, "draft", grantInput(icbl, [allocation]));
    await (await web("officer")).grants.transition({ id: grantId, action: "submit" });
    await flush();
    expect(sink.to(OFFICER2).map((mail) => mail.subject)).toEqual([
      "Grant awaiting your approval · Mine Action Grants",
    ]);
    expect(sink.to(OFFICER)).toEqual([]); // its creator: four eyes
    expect(sink.to(OFFICER3)).toEqual([]);
  });

  it("a submitted report reaches the grant's officers; assigned to its programme, officer 3 hears of the next one", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    const officer = await web("officer");
    const first = await officer.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2099-01-01" });
    const second = await officer.requirements.add({ grantId, kind: "financial", stage: "final", dueOn: "2099-06-01" });
    await flush();
    sink.clear();

    await (await web("partnerIcbl")).requirements.submit({ requirementId: first.id, body: "Interim." });
    await flush();
    expect(sink.to(OFFICER)).toHaveLength(1);
    expect(sink.to(OFFICER2)).toHaveLength(1);
    expect(sink.to(OFFICER3)).toEqual([]);
    const bell = await (await web("officer3")).notifications.list({});
    expect(bell.filter((n) => n.link === `/reports/${first.id}`)).toEqual([]); // nor in the app

    await db
      .insert(officerProgrammes)
      .values({ userId: await userIdOf(OFFICER3), programmeId: await programmeOf(allocation) });
    sink.clear();
    await (await web("partnerIcbl")).requirements.submit({ requirementId: second.id, body: "Final." });
    await flush();
    expect(sink.to(OFFICER3)).toHaveLength(1);
  });

  it("an officer an admin hid the grant from hears nothing of it", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000);
    const grantId = await grantIn(db, "draft", grantInput(icbl, [allocation]));
    const officer3 = await userIdOf(OFFICER3);
    await db.update(users).set({ outsideProgrammeAccess: "hidden" }).where(eq(users.id, officer3));
    try {
      await (await web("officer")).grants.transition({ id: grantId, action: "submit" });
      await flush();
      expect(sink.to(OFFICER3)).toEqual([]);
      expect(sink.to(OFFICER2)).toHaveLength(1);
    } finally {
      await db.update(users).set({ outsideProgrammeAccess: "read_only" }).where(eq(users.id, officer3));
    }
  });
});

describe("each role's preferences offer what it receives", () => {
  it.each([
    ["partnerIcbl", ["reports", "payments", "grants"]],
    ["officer", ["reports", "payments", "approvals", "actions"]],
    ["admin", ["budget", "operations"]],
  ] as const)("%s chooses among %j", async (persona, categories) => {
    const client = persona === "admin" ? (await callers(db, persona)).admin : await web(persona);
    const { preferences } = await client.notifications.settings();
    expect(preferences.map((p) => p.category)).toEqual(categories);
  });

  it("a category the role never receives is refused, naming the field, and nothing is saved", async () => {
    const officer = await web("officer");
    const refused = await refusal(
      officer.notifications.savePreferences({
        preferences: [
          { category: "reports", delivery: "digest" },
          { category: "budget", delivery: "off" },
        ],
      }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION", field: "preferences.1.category" });
    expect(refused.message).toContain("You do not receive notifications of this category");
    const { preferences } = await officer.notifications.settings();
    expect(preferences.find((p) => p.category === "reports")!.delivery).toBe("immediate");
  });
});
