import {
  dispatchAuditEvents,
  requestPasswordReset,
  resetPassword,
  sendDailyDigests,
  unsubscribeLink,
} from "@portal/api/notifications";
import {
  type Database,
  emailMessages,
  jobScheduleRuns,
  notifications,
  passwordResetTokens,
  scheduledPayments,
  users,
} from "@portal/db";
import { verifyPassword } from "@portal/domain/password";
import { createMailer, deliverPendingEmails, type Mailer, startWorker, type Worker } from "@portal/jobs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { freshAllocation, grantIn, grantInput, newKey, organisationIdOf } from "./support/ledger-fixtures";
import { eventually, startSmtpSink } from "./support/smtp-sink";

const PORTAL = "https://grants.example.test";
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
let allocation: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

/** What the worker does every minute, run now: notify from the audit log, then send. */
async function flush() {
  await dispatchAuditEvents(db);
  await deliverPendingEmails(db, mailer);
}

/**
 * What reached an address once something has: the worker runs beside the test and may be the one that sends a message
 * (whoever locks it first), so a direct delivery run can return before it arrives.
 */
async function mailsTo(address: string) {
  return eventually(() => {
    const received = sink.to(address);
    return Promise.resolve(received.length > 0 ? received : null);
  });
}

async function userId(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

async function notificationsOf(email: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, await userId(email)));
}

async function activeGrantWithReport(dueOn = "2099-01-01") {
  const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
  const requirement = await (
    await web("officer")
  ).requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn });
  return { grantId, requirementId: requirement.id };
}

beforeAll(async () => {
  process.env.PORTAL_URL = PORTAL;
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, url, drop } = await seededTestDatabase());
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, from: "Grants <grants@example.test>", replyTo: "help@example.test" })!;
  worker = await startWorker({
    databaseUrl: url,
    db,
    mailer,
    tickSeconds: 0,
    dispatchSeconds: 0,
    pollingIntervalSeconds: 0.5,
  });
  icbl = await organisationIdOf(db, "icbl");
  allocation = await freshAllocation(db, 1_000_000_000_000);
  // The second officer reads French: chosen on the profile page, it is the language of their e-mails.
  await (await web("officer2")).notifications.setLocale({ locale: "fr" });
  await dispatchAuditEvents(db); // the first run starts from the newest event: the seed's history is not news
});
afterAll(async () => {
  await worker?.stop();
  await sink?.close();
  await drop();
});
beforeEach(async () => {
  await flush(); // nothing left over from the previous test
  sink.clear();
});

describe("notifications from the audit log", () => {
  it("a submitted report reaches the officers in their own language, with a link to the report, once", async () => {
    const { requirementId } = await activeGrantWithReport();
    await flush();
    sink.clear();

    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Our interim report." });
    await flush();
    await flush(); // a second run (as after a retried job) finds nothing new to send

    const [english] = sink.to(OFFICER);
    const french = sink.to(OFFICER2);
    expect(sink.to(OFFICER)).toHaveLength(1);
    expect(french).toHaveLength(1);
    expect(english!.subject).toBe("Report submitted · Mine Action Grants");
    expect(english!.text).toContain("ICBL submitted the interim narrative report for Test grant");
    expect(english!.text).toContain(`${PORTAL}/reports/${requirementId}`);
    expect(english!.html).toContain(`href="${PORTAL}/reports/${requirementId}"`);
    expect(english!.from).toBe("grants@example.test");
    expect(english!.replyTo).toBe("help@example.test");
    expect(english!.language).toBe("en");
    expect(french[0]!.subject).toMatch(/^Rapport déposé · /);
    expect(french[0]!.text).toContain("rapport narratif intermédiaire de « Subvention d'essai");
    expect(french[0]!.language).toBe("fr");
    // The partner who submitted hears nothing of it: it is the officers' step.
    expect(sink.to(PARTNER)).toHaveLength(0);

    // The bell: the same event in the app, readable and then read.
    const officer = await web("officer");
    expect(await officer.notifications.unreadCount()).toBeGreaterThanOrEqual(1);
    const [latest] = await officer.notifications.list({});
    expect(latest).toMatchObject({ kind: "reportSubmitted", link: `/reports/${requirementId}`, read: false });
    await officer.notifications.markRead({ ids: [latest!.id] });
    expect((await officer.notifications.list({}))[0]!.read).toBe(true);
  });

  it("partners hear of the review with the officer's comment, and of payments approved and paid, never of internal steps", async () => {
    const { grantId, requirementId } = await activeGrantWithReport();
    const officer = await web("officer");
    const officer2 = await web("officer2");
    // Internal steps: the grant's whole approval, scheduling, marking due. Officers may hear of some; partners none.
    const payment = await officer.payments.schedule({ grantId, dueOn: "2099-02-01", amount: 2_500_000 });
    await officer.payments.act({ id: payment.id, action: "markDue" });
    await flush();
    expect(sink.to(PARTNER)).toEqual([]);
    // The instalment awaits someone other than its creator: officer2 is told, officer (who scheduled it) is not.
    expect(sink.to(OFFICER2).map((m) => m.subject)).toContain(
      "Versement en attente d’approbation · Subventions de l'action contre les mines",
    );
    expect(sink.to(OFFICER).map((m) => m.subject)).not.toContain("Instalment awaiting approval · Mine Action Grants");
    sink.clear();

    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Draft." });
    await officer.requirements.review({
      requirementId,
      decision: "changes_requested",
      response: "Add the figures by province.",
    });
    await officer2.payments.act({ id: payment.id, action: "approve" });
    await officer.disbursements.record({
      grantId,
      scheduledPaymentId: payment.id,
      paidOn: "2002-11-20",
      amount: 2_500_000,
      reference: "EFT-7781",
      idempotencyKey: newKey(),
    });
    await flush();

    const toPartner = sink.to(PARTNER);
    expect(toPartner.map((m) => m.subject).sort()).toEqual([
      "Changes requested on a report · Mine Action Grants",
      "Payment approved · Mine Action Grants",
      "Payment made · Mine Action Grants",
    ]);
    const changes = toPartner.find((m) => m.subject.startsWith("Changes requested"))!;
    expect(changes.text).toContain("Add the figures by province.");
    expect(changes.text).toContain(`${PORTAL}/reports/${requirementId}`);
    const paid = toPartner.find((m) => m.subject.startsWith("Payment made"))!;
    expect(paid.text).toContain("$25,000.00 was paid for Test grant");
    expect(paid.text).toContain("November 20, 2002");
    expect(paid.text).toContain("EFT-7781");
    // Every partner message offers a one-click way out of its category.
    expect(paid.text).toMatch(new RegExp(`${PORTAL}/unsubscribe\\?token=`));

    // Partners' notifications are only of the kinds meant for them.
    const kinds = new Set((await notificationsOf(PARTNER)).map((n) => n.kind));
    expect(
      [...kinds].every((k) =>
        [
          "reportChangesRequested",
          "paymentApproved",
          "paymentPaid",
          "reportDue",
          "reportOverdue",
          "reportAccepted",
          "amendmentApproved",
        ].includes(k),
      ),
    ).toBe(true);
  });

  it("preferences: a daily digest groups the day's events in one e-mail; off keeps them in the app only", async () => {
    const partner = await web("partnerIcbl");
    await partner.notifications.savePreferences({
      preferences: [
        { category: "reports", delivery: "digest" },
        { category: "payments", delivery: "off" },
      ],
    });
    const first = await activeGrantWithReport();
    const second = await activeGrantWithReport();
    const officer = await web("officer");
    for (const { requirementId } of [first, second]) {
      await partner.requirements.submit({ requirementId, body: "Report." });
      await officer.requirements.review({ requirementId, decision: "accepted", response: "" });
    }
    const payment = await officer.payments.schedule({ grantId: first.grantId, dueOn: "2099-02-01", amount: 1_000 });
    await officer.payments.act({ id: payment.id, action: "markDue" });
    await (await web("officer2")).payments.act({ id: payment.id, action: "approve" });
    await flush();
    expect(sink.to(PARTNER)).toEqual([]); // nothing at once
    const inApp = (await partner.notifications.list({})).map((n) => n.kind);
    expect(inApp.filter((k) => k === "reportAccepted")).toHaveLength(2);
    expect(inApp).toContain("paymentApproved"); // off by e-mail, still in the bell

    await sendDailyDigests(db);
    await sendDailyDigests(db); // a retried digest job: still one digest
    await deliverPendingEmails(db, mailer);
    const digests = sink.to(PARTNER);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe("Mine Action Grants: your daily digest (2 updates)");
    expect(digests[0]!.text.match(/Report accepted/g)).toHaveLength(2);
    expect(digests[0]!.text).not.toContain("Payment approved");
    await partner.notifications.savePreferences({
      preferences: [
        { category: "reports", delivery: "immediate" },
        { category: "payments", delivery: "immediate" },
      ],
    });
  });

  it("the unsubscribe link turns its category off without signing in", async () => {
    const partnerId = await userId(PARTNER);
    const link = new URL(unsubscribeLink(partnerId, "reports"));
    const anonymous = await web("anonymous");
    const token = link.searchParams.get("token")!;
    expect(await anonymous.publicAccount.describeUnsubscribe({ token })).toEqual({ category: "reports" });
    await anonymous.publicAccount.unsubscribe({ token });
    const settings = await (await web("partnerIcbl")).notifications.settings();
    expect(settings.preferences.find((p) => p.category === "reports")!.delivery).toBe("off");
    // A tampered token is refused, naming the field.
    await expect(anonymous.publicAccount.unsubscribe({ token: `${token.slice(0, -2)}xx` })).rejects.toMatchObject({
      message: "This unsubscribe link is not valid.",
    });
    await (
      await web("partnerIcbl")
    ).notifications.savePreferences({
      preferences: [{ category: "reports", delivery: "immediate" }],
    });
  });
});

describe("the job queue", () => {
  it("a delivery job retried after an SMTP failure sends each message exactly once", async () => {
    const { requirementId } = await activeGrantWithReport();
    await flush();
    sink.clear();
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Report." });
    await dispatchAuditEvents(db);
    sink.rejectNext(1);
    const jobId = await worker.boss.send("deliver-emails", {}, { retryLimit: 3, retryDelay: 0 });
    const done = await eventually(async () => {
      const job = await worker.boss.getJobById("deliver-emails", jobId!, { includeArchive: true });
      return job?.state === "completed" ? job : null;
    });
    expect(done.retryCount).toBe(1); // failed once, retried, then completed
    expect(sink.to(OFFICER)).toHaveLength(1);
    expect(sink.to(OFFICER2)).toHaveLength(1);
    const ids = sink.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a job that fails on its last attempt is shown as failed and told to the admins", async () => {
    const { requirementId } = await activeGrantWithReport();
    await flush();
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Report." });
    await dispatchAuditEvents(db);
    sink.rejectNext(1);
    const jobId = await worker.boss.send("deliver-emails", {}, { retryLimit: 0 });
    await eventually(async () => {
      const job = await worker.boss.getJobById("deliver-emails", jobId!, { includeArchive: true });
      return job?.state === "failed";
    });
    const admins = await eventually(async () => {
      const rows = (await notificationsOf("admin@example.org")).filter((n) => n.kind === "jobFailed");
      return rows.length > 0 ? rows : null;
    });
    expect(admins[0]!.params).toMatchObject({ job: "deliver-emails" });
    expect(String((admins[0]!.params as { error: string }).error)).toContain("could not send");
    const overview = await (await callers(db, "admin")).admin.jobs.overview();
    expect(overview.failures.map((f) => f.id)).toContain(jobId);
    await flush(); // the rest goes out on the next run
  });

  it("the daily payment-hold refresh runs from the schedule when the job clock passes 01:15 in Ottawa", async () => {
    await db.delete(jobScheduleRuns);
    const start = new Date("2030-06-10T16:00:00Z"); // noon in Ottawa
    const { grantId, requirementId } = await activeGrantWithReport("2030-06-10");
    const payment = await (
      await web("officer2")
    ).payments.schedule({ grantId, dueOn: "2030-07-01", amount: 1_000_000, requirementId });
    await (await web("officer2")).payments.act({ id: payment.id, action: "markDue" });

    const status = async () =>
      (await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, payment.id)))[0]!.status;
    expect(await worker.tick(start)).toEqual([]); // first sight: counting starts now
    const sameDay = await worker.tick(new Date(start.getTime() + 60 * 60_000));
    expect(sameDay.map((s) => s.name)).not.toContain("refresh-payment-holds");

    const nextDay = await worker.tick(new Date(start.getTime() + 24 * 60 * 60_000));
    const refresh = nextDay.find((s) => s.name === "refresh-payment-holds")!;
    expect(refresh.runAt.toISOString()).toBe("2030-06-11T05:15:00.000Z");
    await eventually(async () => (await status()) === "on_hold");

    // The system account did it, in the audit log, and the officers are told.
    const [event] = (await db.execute(
      sql`select actor_id from audit_events where action = 'grant.refreshPaymentHolds' and entity_id = ${grantId}`,
    )) as unknown as { actor_id: string }[];
    expect(event!.actor_id).toBe("00000000-0000-4000-8000-000000000001");
    await eventually(async () => (await notificationsOf(OFFICER)).some((n) => n.kind === "paymentOnHold"));
    // Ticking again at the same moment starts nothing twice.
    expect((await worker.tick(new Date(start.getTime() + 24 * 60 * 60_000))).map((s) => s.name)).toEqual([]);

    const overview = await (await callers(db, "admin")).admin.jobs.overview();
    expect(overview.schedules.find((s) => s.name === "refresh-payment-holds")!.lastFiredAt?.toISOString()).toBe(
      "2030-06-11T05:15:00.000Z",
    );
    expect(overview.recent.some((j) => j.name === "refresh-payment-holds" && j.state === "completed")).toBe(true);
  });
});

describe("password reset", () => {
  it("sends a single-use link to the account's address, says the same for unknown addresses, and throttles", async () => {
    const anonymous = await web("anonymous");
    const before = await db.$count(emailMessages);
    expect(await anonymous.publicAccount.requestPasswordReset({ email: "nobody@example.org" })).toEqual({ ok: true });
    expect(await db.$count(emailMessages)).toBe(before);

    expect(await anonymous.publicAccount.requestPasswordReset({ email: " Partner@MAC.example.org " })).toEqual({
      ok: true,
    });
    await deliverPendingEmails(db, mailer);
    const [mail] = await mailsTo("partner@mac.example.org");
    expect(mail!.subject).toBe("Reset your Mine Action Grants password");
    const link = mail!.text.match(/https:\/\/\S+\/reset-password\?token=\S+/)![0];
    const token = new URL(link).searchParams.get("token")!;
    const [stored] = await db.select().from(passwordResetTokens);
    expect(stored!.tokenHash).not.toContain(token);

    await anonymous.publicAccount.resetPassword({ token, password: "a brand new passphrase" });
    const [user] = await db.select().from(users).where(eq(users.email, "partner@mac.example.org"));
    expect(await verifyPassword("a brand new passphrase", user!.passwordHash!)).toBe(true);
    await expect(
      anonymous.publicAccount.resetPassword({ token, password: "another passphrase!" }),
    ).rejects.toMatchObject({
      message: "This link has expired or has already been used: ask for a new one.",
    });

    // Three links an hour at most; further requests get the same answer and send nothing.
    for (let i = 0; i < 4; i++) await requestPasswordReset(db, { email: "partner@mac.example.org" });
    await deliverPendingEmails(db, mailer);
    await eventually(() => Promise.resolve(sink.to("partner@mac.example.org").length >= 3));
    await flush();
    expect(sink.to("partner@mac.example.org")).toHaveLength(3);
  });

  it("a link expires after 30 minutes", async () => {
    const now = new Date();
    await requestPasswordReset(db, { email: OFFICER }, now);
    await deliverPendingEmails(db, mailer);
    const text = (await mailsTo(OFFICER)).at(-1)!.text;
    const token = new URL(text.match(/https:\/\/\S+\/reset-password\?token=\S+/)![0]).searchParams.get("token")!;
    await expect(
      resetPassword(db, { token, password: "late but long enough" }, new Date(now.getTime() + 31 * 60_000)),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "token" });
  });
});

describe("invitations by e-mail", () => {
  it("the invitation's link is e-mailed to the invitee", async () => {
    const admin = (await callers(db, "admin")).admin;
    const created = await admin.users.invite({
      email: "new.colleague@example.org",
      name: "New Colleague",
      role: "officer",
    });
    await deliverPendingEmails(db, mailer);
    const [mail] = await mailsTo("new.colleague@example.org");
    expect(mail!.subject).toBe("You are invited to Mine Action Grants");
    expect(mail!.text).toContain(
      created.acceptUrl.startsWith("http") ? created.acceptUrl : `${PORTAL}${created.acceptUrl}`,
    );
  });
});
