import { createAdminCaller, createWebCaller } from "@portal/api";
import { createRouteKit } from "@portal/api/http";
import {
  dispatchAuditEvents,
  officerActionItems,
  oneClickUnsubscribeLink,
  notifyJobFailure,
  oneClickUnsubscribeResponse,
  requestPasswordReset,
  sendDailyDigests,
  sendOfficerActionDigests,
} from "@portal/api/notifications";
import { allocations, type Database, jobScheduleRuns, notifications, users } from "@portal/db";
import { createMailer, deliverPendingEmails, type Mailer, startWorker, type Worker } from "@portal/jobs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { freshAllocation, grantIn, grantInput, organisationIdOf } from "./support/ledger-fixtures";
import { eventually, type ReceivedMail, startSmtpSink } from "./support/smtp-sink";

// What issue 11 left open: admins' notifications, one-click unsubscribe headers, officers' morning list of what
// needs their action, allocation alerts and job failures. Real PostgreSQL, a real SMTP server, the real worker.

const PORTAL = "https://grants.example.test";
const CONSOLE = "https://console.example.test";
const ADMIN = "admin@example.org";
const OFFICER = "officer@example.org";
const OFFICER2 = "officer2@example.org";
const PARTNER = "partner@icbl.example.org";

let db: Database;
let url: string;
let drop: () => Promise<void>;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
let worker: Worker;
let icbl: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;
/** A caller reading in a given language (lists are rendered in the reader's language). */
const inLocale = async (persona: Persona, locale: "en" | "fr") => {
  const ctx = { db, actor: await actorFor(db, persona), locale };
  return { web: createWebCaller(ctx), admin: createAdminCaller(ctx) };
};

async function flush() {
  await dispatchAuditEvents(db);
  await deliverPendingEmails(db, mailer);
}

async function userId(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

const kindsOf = async (email: string) =>
  (
    await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId(email)))
  ).map((n) => n.kind);

const header = (mail: ReceivedMail, name: string) => mail.headers[name.toLowerCase()];

/** The one-click endpoint as the portal mounts it (`apps/web/src/app/api/unsubscribe/route.ts`), with no session. */
const oneClick = createRouteKit({
  audience: "web",
  locale: () => "en",
  database: () => db,
  session: () => Promise.resolve(null),
}).publicRoute(({ ctx, request, url: address }) => oneClickUnsubscribeResponse(ctx.db, request, address), {
  name: "notifications.oneClickUnsubscribe",
});
const postOneClick = (address: string, body = "List-Unsubscribe=One-Click") =>
  oneClick(
    new Request(address, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );

beforeAll(async () => {
  process.env.PORTAL_URL = PORTAL;
  process.env.ADMIN_URL = CONSOLE;
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, url, drop } = await seededTestDatabase());
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, from: "Grants <grants@example.test>", replyTo: undefined })!;
  worker = await startWorker({
    databaseUrl: url,
    db,
    mailer,
    tickSeconds: 0,
    dispatchSeconds: 0,
    pollingIntervalSeconds: 0.5,
  });
  icbl = await organisationIdOf(db, "icbl");
  await (await web("officer2")).notifications.setLocale({ locale: "fr" });
  await dispatchAuditEvents(db); // the first run starts from the newest event
});
afterAll(async () => {
  await worker?.stop();
  await sink?.close();
  await drop();
});
beforeEach(async () => {
  await flush();
  sink.clear();
});

describe("List-Unsubscribe (RFC 8058)", () => {
  it("category mail carries both headers; security mail carries neither", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    const { id: requirementId } = await (
      await web("officer")
    ).requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2099-01-01" });
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Report." });
    await flush();
    await requestPasswordReset(db, { email: PARTNER });
    await deliverPendingEmails(db, mailer);

    const submitted = sink.to(OFFICER).find((m) => m.subject.startsWith("Report submitted"))!;
    const listUnsubscribe = header(submitted, "List-Unsubscribe")!;
    expect(listUnsubscribe).toMatch(new RegExp(`^<${PORTAL}/api/unsubscribe\\?token=[^>]+>$`));
    expect(listUnsubscribe).toBe(`<${oneClickUnsubscribeLink(await userId(OFFICER), "reports")}>`);
    expect(header(submitted, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The page link in the footer asks before acting (mail scanners open links); the header's address acts on POST.
    expect(submitted.text).toContain(`${PORTAL}/unsubscribe?token=`);

    const reset = sink.to(PARTNER).find((m) => m.subject.startsWith("Reset your"))!;
    expect(header(reset, "List-Unsubscribe")).toBeUndefined();
    expect(header(reset, "List-Unsubscribe-Post")).toBeUndefined();
  });

  it("a one-click POST turns the category off with no sign-in; the bell still shows what e-mail no longer says", async () => {
    const partnerId = await userId(PARTNER);
    const address = oneClickUnsubscribeLink(partnerId, "payments");

    // What is not a one-click request is refused, naming what is wrong, and changes nothing.
    const noBody = await postOneClick(address, "");
    expect(noBody.status).toBe(400);
    expect(((await noBody.json()) as { error: { field: string } }).error.field).toBe("List-Unsubscribe");
    const tampered = await postOneClick(address.replace(/.{3}$/, "abc"));
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { error: { field: string } }).error.field).toBe("token");
    const settings = async () => (await (await web("partnerIcbl")).notifications.settings()).preferences;
    expect((await settings()).find((p) => p.category === "payments")!.delivery).toBe("immediate");

    const response = await postOneClick(address);
    expect(response.status).toBe(200);
    expect((await settings()).find((p) => p.category === "payments")!.delivery).toBe("off");
    const [event] = (await db.execute(
      sql`select actor_id from audit_events where action = 'user.unsubscribe' order by id desc limit 1`,
    )) as unknown as { actor_id: string }[];
    expect(event!.actor_id).toBe(partnerId);

    // A payment approved afterwards: in the partner's bell, not in their mailbox.
    const allocation = await freshAllocation(db, 1_000_000_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    const payment = await (await web("officer")).payments.schedule({ grantId, dueOn: "2099-02-01", amount: 5_000 });
    await (await web("officer")).payments.act({ id: payment.id, action: "markDue" });
    await (await web("officer2")).payments.act({ id: payment.id, action: "approve" });
    await flush();
    expect(sink.to(PARTNER)).toEqual([]);
    expect(await kindsOf(PARTNER)).toContain("paymentApproved");
    await (
      await web("partnerIcbl")
    ).notifications.savePreferences({ preferences: [{ category: "payments", delivery: "immediate" }] });
  });
});

describe("admins' notifications", () => {
  it("an allocation nearly exhausted reaches the admins only, in their language, linked to the allocation in the console", async () => {
    const admin = await inLocale("admin", "fr");
    await admin.admin.notifications.setLocale({ locale: "fr" });
    const before = await admin.admin.notifications.unreadCount();

    const allocation = await freshAllocation(db, 10_000_000);
    await grantIn(db, "approved", grantInput(icbl, [allocation], 9_500_000)); // 95% committed
    await flush();
    await flush(); // a second dispatch sends nothing twice

    const [alert, ...others] = sink.to(ADMIN);
    expect(others).toEqual([]);
    expect(alert!.subject).toMatch(/^Allocation presque épuisée · /);
    expect(alert!.language).toBe("fr");
    expect(alert!.text).toContain("95 %");
    expect(alert!.text).toContain(`${CONSOLE}/budgets/${allocation}`);
    expect(alert!.text).toContain(`${CONSOLE}/notifications`);
    expect(header(alert!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    for (const email of [OFFICER, OFFICER2, PARTNER]) {
      expect(await kindsOf(email)).not.toContain("allocationNearlyExhausted");
    }

    // The console's bell and list: the same event, in the reader's language, marked read there.
    expect(await admin.admin.notifications.unreadCount()).toBe(before + 1);
    const [latest] = await admin.admin.notifications.list({});
    expect(latest).toMatchObject({
      kind: "allocationNearlyExhausted",
      link: `/budgets/${allocation}`,
      read: false,
      title: "Allocation presque épuisée",
    });
    const english = await inLocale("admin", "en");
    expect((await english.admin.notifications.list({}))[0]!.title).toBe("Allocation nearly exhausted");
    await admin.admin.notifications.markRead({ ids: [latest!.id] });
    expect(await admin.admin.notifications.unreadCount()).toBe(before);

    // Further commitments on the same allocation: no second alert. Lowering the allocation is news again.
    await grantIn(db, "approved", grantInput(icbl, [allocation], 300_000));
    await flush();
    expect(sink.to(ADMIN)).toHaveLength(1);
    const [row] = await db.select().from(allocations).where(eq(allocations.id, allocation));
    await (
      await callers(db, "admin")
    ).admin.budgetAdministration.setAllocation({
      programmeId: row!.programmeId,
      fiscalYear: 2002,
      amount: 9_900_000,
      reason: "Lowered towards what is committed",
    });
    await flush();
    const alerts = sink.to(ADMIN);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.text).toContain("98 %");
    await admin.admin.notifications.setLocale({ locale: "en" });
  });

  it("an admin's daily digest links to the console, not the portal, and unsubscribes in one click", async () => {
    const admin = (await callers(db, "admin")).admin;
    await admin.notifications.savePreferences({ preferences: [{ category: "operations", delivery: "digest" }] });
    await notifyJobFailure(db, { jobId: "digest-check", name: "report-reminders", error: "boom" });
    await flush();
    expect(sink.to(ADMIN)).toEqual([]); // waits for the digest
    await sendDailyDigests(db);
    await deliverPendingEmails(db, mailer);
    const [digest] = sink.to(ADMIN);
    expect(digest!.subject).toMatch(/your daily digest/);
    expect(digest!.text).toContain("The job report-reminders failed: boom");
    expect(digest!.text).toContain(`${CONSOLE}/jobs`);
    expect(digest!.text).toContain(`${CONSOLE}/notifications`);
    expect(digest!.text).not.toContain(`${PORTAL}/jobs`);
    // A digest unsubscribes in one click too: every category that was coming once a day is turned off.
    expect(header(digest!, "List-Unsubscribe")).toBe(`<${oneClickUnsubscribeLink(await userId(ADMIN), "digest")}>`);
    expect(header(digest!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(digest!.text).toContain(`${PORTAL}/unsubscribe?token=`);
    expect((await postOneClick(oneClickUnsubscribeLink(await userId(ADMIN), "digest"))).status).toBe(200);
    const preferences = (await admin.notifications.settings()).preferences;
    expect(preferences.find((p) => p.category === "operations")!.delivery).toBe("off");
    expect(preferences.find((p) => p.category === "budget")!.delivery).toBe("immediate"); // was not a digest one
    await admin.notifications.savePreferences({ preferences: [{ category: "operations", delivery: "immediate" }] });
  });

  it("admins' threshold is configurable (ALLOCATION_ALERT_PERCENT)", async () => {
    process.env.ALLOCATION_ALERT_PERCENT = "50";
    try {
      const allocation = await freshAllocation(db, 10_000_000);
      await grantIn(db, "approved", grantInput(icbl, [allocation], 6_000_000)); // 60%
      await flush();
      expect(sink.to(ADMIN).map((m) => m.subject)).toEqual(["Allocation nearly exhausted · Mine Action Grants"]);
      expect(sink.to(ADMIN)[0]!.text).toContain("is 60% committed ($60,000.00 of $100,000.00)");
    } finally {
      delete process.env.ALLOCATION_ALERT_PERCENT;
    }
    sink.clear();
    const allocation = await freshAllocation(db, 10_000_000);
    await grantIn(db, "approved", grantInput(icbl, [allocation], 6_000_000)); // 60% is below the default 90%
    await flush();
    expect(sink.to(ADMIN)).toEqual([]);
  });
});

describe("officers' morning list of what needs their action", () => {
  it("groups what the dashboard lists, per officer and language, once a day, and honours the 'actions' preference", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000_000);
    const officer = await web("officer");
    // Created and submitted by officer: waits for officer2's approval, not officer's own.
    const submitted = await officer.grants.create({ ...grantInput(icbl, [allocation]), titleEn: "Awaiting approval" });
    await officer.grants.transition({ id: submitted.id, action: "submit" });
    // An instalment officer scheduled and made due: officer2 approves it.
    const activeId = await grantIn(db, "active", {
      ...grantInput(icbl, [allocation]),
      titleEn: "Instalments grant",
      titleFr: "Subvention des versements",
    });
    const due = await officer.payments.schedule({ grantId: activeId, dueOn: "2002-05-01", amount: 120_000 });
    await officer.payments.act({ id: due.id, action: "markDue" });
    // A report handed in for review.
    const { id: requirementId } = await officer.requirements.add({
      grantId: activeId,
      kind: "financial",
      stage: "interim",
      dueOn: "2099-01-01",
    });
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Figures." });
    await flush();
    sink.clear();

    const now = new Date("2030-06-11T12:00:00Z"); // 08:00 in Ottawa, when the morning job runs
    // Every officer with something to act on gets one (the seed has more officers than these two).
    expect((await sendOfficerActionDigests(db, now)).sent).toBeGreaterThanOrEqual(2);
    expect(await sendOfficerActionDigests(db, now)).toMatchObject({ sent: 0 }); // a retried job: still one each
    await deliverPendingEmails(db, mailer);

    // Officer2 reads French and is asked to approve officer's grant and instalment.
    const [french, ...moreFrench] = sink.to(OFFICER2);
    expect(moreFrench).toEqual([]);
    expect(french!.language).toBe("fr");
    expect(french!.subject).toMatch(/^Subventions de l'action contre les mines : ce qui attend votre action/);
    expect(french!.text).toContain("le 11 juin 2030");
    expect(french!.text).toMatch(/Subvention à approuver: Subvention d'essai \(TEST-[^)]+\), 100\s000,00\s\$/);
    expect(french!.text).toContain(`${PORTAL}/grants/${submitted.id}`);
    expect(french!.text).toMatch(/Versement à approuver: Versement \d+ de Subvention des versements/);
    expect(french!.text).toContain(
      "Rapport à examiner: Le rapport financier intermédiaire de Subvention des versements",
    );
    expect(header(french!, "List-Unsubscribe")).toContain(`${PORTAL}/api/unsubscribe?token=`);

    // Officer (English) is not asked to approve their own grant or instalment, but reviews the report too.
    const [english] = sink.to(OFFICER);
    expect(english!.subject).toMatch(/^Mine Action Grants: what needs your action today \(\d+ items?\)$/);
    expect(english!.text).not.toContain(`${PORTAL}/grants/${submitted.id}`);
    expect(english!.text).not.toMatch(/Instalment to approve: Instalment \d+ of Instalments grant/);
    expect(english!.text).toContain(`Report to review: The interim financial report for Instalments grant`);
    expect(english!.text).toContain(`${PORTAL}/reports/${requirementId}`);

    // The e-mail is the dashboard, not a second copy of its rules: the same rows, section by section.
    const officer2Actor = (await actorFor(db, "officer2"))!;
    const board = await (await web("officer2")).dashboard.officer();
    const items = await officerActionItems(db, officer2Actor, "2030-06-11");
    expect(items.filter((i) => i.section === "approveGrant")).toHaveLength(board.approvals.rows.length);
    expect(items.filter((i) => i.section === "review")).toHaveLength(board.reportsToReview.rows.length);

    // "actions" turned off: no morning list the next day; the others still get theirs.
    await (
      await web("officer")
    ).notifications.savePreferences({ preferences: [{ category: "actions", delivery: "off" }] });
    sink.clear();
    const nextDay = new Date("2030-06-12T12:00:00Z");
    await sendOfficerActionDigests(db, nextDay);
    await deliverPendingEmails(db, mailer);
    expect(sink.to(OFFICER)).toEqual([]);
    expect(sink.to(OFFICER2)).toHaveLength(1);
    // Partners and admins never get one.
    expect(sink.to(PARTNER)).toEqual([]);
    expect(sink.to(ADMIN)).toEqual([]);
  });

  it("runs from the morning schedule when the job clock passes 08:00 in Ottawa", async () => {
    await db.delete(jobScheduleRuns);
    const start = new Date("2031-03-03T15:00:00Z"); // 10:00 in Ottawa
    await worker.tick(start);
    const next = await worker.tick(new Date("2031-03-04T13:05:00Z")); // 08:05 the next morning
    const digest = next.find((s) => s.name === "daily-digest")!;
    expect(digest.runAt.toISOString()).toBe("2031-03-04T13:00:00.000Z");
    await eventually(async () => {
      const rows = (await db.execute(
        sql`select 1 from email_messages where dedup_key like ${"actions:%:2031-03-04"}`,
      )) as unknown as unknown[];
      return rows.length > 0;
    });
  });
});

describe("job failures reach the admins after the last retry", () => {
  it("a failing job is told only once its retries are spent, with the job's clock moved instead of waiting", async () => {
    const allocation = await freshAllocation(db, 1_000_000_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    const { id: requirementId } = await (
      await web("officer")
    ).requirements.add({ grantId, kind: "narrative", stage: "final", dueOn: "2099-01-01" });
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Final." });
    await dispatchAuditEvents(db);
    // A delivery asked for by an earlier test (the morning digest's) would take one of the refusals and leave this
    // job's last attempt to succeed: wait until no other delivery is queued or running.
    await eventually(async () => {
      const rows = (await db.execute(
        sql`select 1 from pgboss.job where name = 'deliver-emails' and state in ('created', 'retry', 'active')`,
      )) as unknown as unknown[];
      return rows.length === 0;
    });
    sink.rejectNext(3); // the relay refuses the first attempt and both retries
    // Retries an hour apart: the test moves each retry's start time to now rather than waiting an hour.
    const jobId = (await worker.boss.send("deliver-emails", {}, { retryLimit: 2, retryDelay: 3600 }))!;
    const job = () => worker.boss.getJobById("deliver-emails", jobId, { includeArchive: true });
    const failedNotices = async () =>
      (await db.select().from(notifications).where(eq(notifications.kind, "jobFailed"))).filter((n) =>
        (n.dedupKey ?? "").startsWith(`job-failed:${jobId}:`),
      );

    for (const attempt of [1, 2]) {
      await eventually(async () => {
        const current = await job();
        return current?.state === "retry" && current.retryCount === attempt - 1 ? current : null;
      });
      expect(await failedNotices()).toEqual([]); // failed with attempts left: not news yet
      await db.execute(sql`update pgboss.job set start_after = now() where id = ${jobId}::uuid`);
    }
    await eventually(async () => (await job())?.state === "failed");
    const notices = await eventually(async () => {
      const rows = await failedNotices();
      return rows.length > 0 ? rows : null;
    });
    const adminIds = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true)));
    expect(notices.map((n) => n.userId).sort()).toEqual(adminIds.map((a) => a.id).sort());
    expect(notices[0]!.params).toMatchObject({ job: "deliver-emails" });
    expect(notices[0]!.link).toBe("/jobs");
    await flush();
  });

  it("the sweep on the schedule tells of a job that failed where no worker caught it (a timeout)", async () => {
    await db.delete(jobScheduleRuns);
    await worker.boss.createQueue("e2e-stuck-export", { name: "e2e-stuck-export", retryLimit: 0 });
    const jobId = (await worker.boss.send("e2e-stuck-export", {}, { retryLimit: 0 }))!;
    const [fetched] = await worker.boss.fetch("e2e-stuck-export");
    expect(fetched!.id).toBe(jobId);
    // What pg-boss's monitor does to a job whose worker died: it fails it by timeout, with no catch block to tell.
    await worker.boss.fail("e2e-stuck-export", jobId, { message: "job failed by timeout in active state" });
    const notices = async () =>
      (await db.select().from(notifications).where(eq(notifications.kind, "jobFailed"))).filter((n) =>
        (n.dedupKey ?? "").startsWith(`job-failed:${jobId}:`),
      );
    expect(await notices()).toEqual([]);

    const start = new Date("2032-01-05T15:01:00Z");
    await worker.tick(start);
    const started = await worker.tick(new Date(start.getTime() + 5 * 60_000));
    expect(started.map((s) => s.name)).toContain("watch-job-failures");
    const told = await eventually(async () => {
      const rows = await notices();
      return rows.length > 0 ? rows : null;
    });
    expect(told[0]!.params).toMatchObject({ job: "e2e-stuck-export", error: "job failed by timeout in active state" });
    await deliverPendingEmails(db, mailer);
    const mail = sink.to(ADMIN).find((m) => m.text.includes("e2e-stuck-export"))!;
    expect(mail.subject).toBe("A scheduled job failed · Mine Action Grants");
    expect(mail.text).toContain(`${CONSOLE}/jobs`);
    // Swept again: still once.
    const again = await worker.tick(new Date(start.getTime() + 10 * 60_000));
    const sweep = again.find((s) => s.name === "watch-job-failures")!;
    await eventually(
      async () =>
        (await worker.boss.getJobById("watch-job-failures", sweep.jobId!, { includeArchive: true }))?.state ===
        "completed",
    );
    expect((await notices()).length).toBe(told.length);
  });
});
