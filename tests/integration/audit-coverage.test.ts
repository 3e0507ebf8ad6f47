import { createHash, randomBytes, randomUUID } from "node:crypto";
import { unsubscribeLink } from "@portal/api/notifications";
import { hashPassword } from "@portal/domain/password";
import {
  allocations,
  auditEvents,
  type Database,
  memberships,
  notifications,
  organisations,
  passwordResetTokens,
  programmes,
  users,
  userSessions,
  userTotp,
} from "@portal/db";
import { eq, gt, max } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  approvedUnscheduled,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// Every mutating procedure of both routers, one row each (or one per action where a procedure has several): the
// call adds exactly the audit events listed, written as the caller, about the right record, with its before and
// after; the same call refused adds none. The last test lists the routers' mutations from their definitions, so a
// new procedure without a row here fails it.
//
// Adding a procedure: append one row to ROWS with its router, the persona that may call it, a setup that returns a
// fresh target id, the call, the events it writes, and one refusal (a caller without the right, or a state the rules
// refuse). A mutation that by design writes no audit event gets no row: it goes into SILENT_MUTATIONS with the
// reason, and a test there checks it really writes none.

type Api = Awaited<ReturnType<typeof callers>>;
type Web = Api["web"];
type Admin = Api["admin"];

interface ExpectedEvent {
  action: string;
  entityType: string;
  entityId: string;
  /** null, or the fields the snapshot before the change must contain (toMatchObject). */
  before: unknown;
  after: unknown;
}

interface Refusal {
  as: Persona;
  code: string;
  /** A target of its own, in a state the rules refuse the call in; its setup's events are not counted. */
  target?: () => Promise<string>;
  /** What must happen first for the refusal (an edit that makes a version stale); its events are not counted. */
  prepare?: (api: Api, target: string) => Promise<unknown>;
  /** Another call to refuse than the row's own (from a state the rules refuse); by default the row's call. */
  call?: (api: Api, target: string) => Promise<unknown>;
}

interface AuditRow {
  router: "web" | "admin";
  /** The procedure's path in its router, as `_def.procedures` spells it. */
  procedure: string;
  /** Tells apart several rows of one procedure (a transition's action). */
  variant?: string;
  as: Persona;
  /** Makes a fresh target in the right state and returns its id; events it writes are not counted. */
  setup?: () => Promise<string>;
  call: (api: Api, target: string) => Promise<unknown>;
  /** The events the call must add, in order; `result` is what it returned. */
  events: (target: string, result: never) => ExpectedEvent[];
  /** Who the events name as actor, when not the caller (an accepted invitation acts as the new user). */
  actor?: (result: never, target: string) => Promise<{ id: string; role: string }>;
  refused: Refusal;
}

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
let allocation: string;

beforeAll(async () => {
  // Unsubscribe links are signed with the auth secret.
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  allocation = await freshAllocation(db, 1_000_000_000_000);
});
afterAll(() => drop());

const api = (persona: Persona) => callers(db, persona);
const web = async (persona: Persona): Promise<Web> => (await api(persona)).web;
const admin = async (): Promise<Admin> => (await api("admin")).admin;

// ---- targets ----

type GrantState = "draft" | "submitted" | "approved" | "active" | "suspended" | "closing";
/** A grant in `state`, created by officer (officer2 for a submitted grant the officer is to approve). */
async function grant(state: GrantState, creator: "officer" | "officer2" = "officer"): Promise<string> {
  const base = state === "suspended" || state === "closing" ? "active" : state;
  const id = await grantIn(db, base, grantInput(icbl, [allocation]), creator);
  if (base !== state) {
    const action = state === "suspended" ? "suspend" : "beginClosing";
    await (await web("officer2")).grants.transition({ id, action, reason: "Setting up the test." });
  }
  return id;
}

async function payment(status: "planned" | "due" | "on_hold"): Promise<string> {
  const grantId = await grant("active");
  const officer2 = await web("officer2");
  const scheduled = await officer2.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 100_000 });
  if (status === "due") await officer2.payments.act({ id: scheduled.id, action: "markDue" });
  if (status === "on_hold") await officer2.payments.act({ id: scheduled.id, action: "hold" });
  return scheduled.id;
}

/** An active grant whose due payment waits for a report that was due in 2002: refreshing holds puts it on hold. */
async function grantWithOverdueReport(): Promise<string> {
  const grantId = await grant("active");
  const officer2 = await web("officer2");
  const report = await officer2.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2002-01-15" });
  const scheduled = await officer2.payments.schedule({
    grantId,
    dueOn: "2099-01-01",
    amount: 100_000,
    requirementId: report.id,
  });
  await officer2.payments.act({ id: scheduled.id, action: "markDue" });
  return grantId;
}

async function requirement(status: "open" | "submitted"): Promise<string> {
  const grantId = await grant("active");
  const added = await (
    await web("officer2")
  ).requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2099-01-01" });
  if (status === "submitted")
    await (await web("partnerIcbl")).requirements.submit({ requirementId: added.id, body: "Our report." });
  return added.id;
}

/** A disbursement of 100,000 on an active grant (paying an approved unscheduled instalment), optionally closed. */
async function disbursement(grantState: "active" | "closed" = "active"): Promise<string> {
  const grantId = await grant("active");
  const officer2 = await web("officer2");
  const recorded = await officer2.disbursements.record({
    grantId,
    scheduledPaymentId: await approvedUnscheduled(db, grantId, 100_000),
    paidOn: "2002-08-01",
    amount: 100_000,
    reference: "EFT-SETUP",
    idempotencyKey: newKey(),
  });
  if (grantState === "closed") {
    await officer2.grants.transition({ id: grantId, action: "beginClosing", reason: "Setting up the test." });
    await officer2.grants.transition({ id: grantId, action: "close", reason: "Setting up the test." });
  }
  return recorded.disbursement.id;
}

/** A pending amendment extending a fresh active grant, proposed by `proposer`: "amendmentId grantId". */
async function amendment(proposer: "officer" | "officer2"): Promise<string> {
  const grantId = await grant("active");
  const proposed = await (
    await web(proposer)
  ).amendments.propose({ grantId, reason: "Extension.", endsOn: "2003-06-30" });
  return `${proposed.id} ${grantId}`;
}

/** An active grant and an approved unscheduled instalment of `amount` on it: "grantId paymentId". */
async function payableInstalment(amount: number): Promise<string> {
  const grantId = await grant("active");
  return `${grantId} ${await approvedUnscheduled(db, grantId, amount)}`;
}

/** A programme of its own with no allocation yet (a leaf, so it may hold one). */
async function programme(): Promise<string> {
  const code = `A${randomUUID().slice(0, 8).toUpperCase()}`;
  const [row] = await db
    .insert(programmes)
    .values({ code, nameEn: `Audit ${code}`, nameFr: `Essai ${code}` })
    .returning();
  return row!.id;
}

/** Two fresh allocations of 1,000,000 in FY 2002-2003, nothing committed: "fromId toId". */
async function allocationPair(): Promise<string> {
  return `${await freshAllocation(db, 1_000_000)} ${await freshAllocation(db, 1_000_000)}`;
}

/** Fiscal years no seed opens, one per call. */
let unopenedYears = 2080;

/** A reset token for a throwaway officer, written as the service writes them (only its hash is stored). */
async function resetToken(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(passwordResetTokens).values({
    userId,
    tokenHash: createHash("sha256").update(token).digest("hex"),
    expiresAt: new Date(Date.now() + 10 * 60_000),
  });
  return token;
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

/** The identity an anonymous call with a token acts as: the user the token names. */
async function userIdentity(userId: string): Promise<{ id: string; role: string }> {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  return { id: user!.id, role: user!.role };
}

const PASSWORD = "a long enough password";
const uniqueEmail = (who = "audit") => `${who}-${randomUUID().slice(0, 8)}@example.org`;

/** Invitation ids map to their token, so the accept row can use the link its setup made. */
const tokens = new Map<string, string>();
async function invitation(): Promise<string> {
  const created = await (
    await admin()
  ).users.invite({
    email: uniqueEmail("invitee"),
    role: "partner",
    organisationId: icbl,
    capabilities: ["view"],
  });
  tokens.set(created.id, created.acceptUrl.split("/invite/")[1]!);
  return created.id;
}

/** A throwaway ICBL colleague with a membership: its membership id. */
async function icblColleague(): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail("colleague"), name: "Cam Colleague", role: "partner" })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ userId: user!.id, organisationId: icbl, capabilities: ["view"] })
    .returning();
  return membership!.id;
}

async function throwawayUser(role: "officer" | "partner"): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail(role), name: "Throwaway", role })
    .returning();
  return user!.id;
}

async function organisation(): Promise<string> {
  const [row] = await db
    .insert(organisations)
    .values({
      slug: `audit-${randomUUID().slice(0, 8)}`,
      legalNameEn: "Audit test",
      legalNameFr: "Essai",
      iatiType: 22,
    })
    .returning();
  return row!.id;
}

async function link(): Promise<string> {
  const created = await (
    await web("officer2")
  ).partnerships.createLink({
    fromOrganisationId: await organisation(),
    toOrganisationId: icbl,
    kind: "member_of",
  });
  return created.id;
}

const orgData = (name = `Audit org ${randomUUID().slice(0, 6)}`) => ({
  legalNameEn: name,
  legalNameFr: "Organisation d'essai",
  acronym: null,
  iatiType: 22,
  countryCode: "CA",
  website: null,
});

// ---- account security targets ----

let knownPasswordHash: Promise<string> | undefined;

/**
 * The persona's own account with PASSWORD as its password and no authenticator (rows before may have changed
 * either), and two live sessions: its user id.
 */
async function ownAccount(persona: Persona): Promise<string> {
  const { id } = await actorIdentity(persona);
  knownPasswordHash ??= hashPassword(PASSWORD);
  await db
    .update(users)
    .set({ passwordHash: await knownPasswordHash })
    .where(eq(users.id, id));
  await db.delete(userTotp).where(eq(userTotp.userId, id));
  await liveSessions(id, 2);
  return id;
}

/** Sessions as sign-in writes them, one per app. */
async function liveSessions(userId: string, count: number): Promise<void> {
  await db.insert(userSessions).values(
    Array.from({ length: count }, (_, index) => ({
      id: randomBytes(24).toString("base64url"),
      userId,
      app: index % 2 === 0 ? "web" : "admin",
      expiresAt: new Date(Date.now() + 60 * 60_000),
    })),
  );
}

/** The account procedures of the app a row is for. */
const accountOf = (api: Api, router: "web" | "admin") => (router === "web" ? api.web.account : api.admin.account);

/** Authenticator secrets by user id, so a confirming call can compute the code its setup's enrolment expects. */
const totpSecrets = new Map<string, string>();

/** The persona's account with an enrolment started and not confirmed: its user id. */
async function pendingTotp(persona: Persona, router: "web" | "admin"): Promise<string> {
  const id = await ownAccount(persona);
  const started = await accountOf(await api(persona), router).startTotp();
  totpSecrets.set(id, started.secret);
  return id;
}

/** The persona's account with a confirmed authenticator: its user id. */
async function enrolledTotp(persona: Persona, router: "web" | "admin"): Promise<string> {
  const id = await pendingTotp(persona, router);
  await accountOf(await api(persona), router).confirmTotp({ code: await currentCode(id) });
  return id;
}

const currentCode = (userId: string) => generate({ secret: totpSecrets.get(userId)! });

/** The current code with its last digit changed: not a code the enrolment accepts. */
async function wrongCode(userId: string): Promise<string> {
  const code = await currentCode(userId);
  return `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
}

const STRONG_PASSWORD = "quartz lantern orbit meadow";

/**
 * The four account-security procedures, mounted in both apps (any signed-in user in the portal, administrators in
 * the console). Each writes one event about the caller's own account; the refusals differ per app to cover the
 * service's rules once and the console's gate.
 */
function accountRows(router: "web" | "admin"): AuditRow[] {
  const as: Persona = router === "web" ? "officer" : "admin";
  const userEvent = (action: string, id: string, before: unknown, after: unknown): ExpectedEvent => ({
    action,
    entityType: "user",
    entityId: id,
    before,
    after,
  });
  const consoleGate: Refusal = { as: "officer", code: "FORBIDDEN" };
  return [
    {
      router,
      procedure: "account.changePassword",
      as,
      setup: () => ownAccount(as),
      call: (api) => accountOf(api, router).changePassword({ currentPassword: PASSWORD, newPassword: STRONG_PASSWORD }),
      // The call comes with no session of its own, so both live sessions end.
      events: (id) => [userEvent("user.password_change", id, null, { otherSessionsEnded: 2 })],
      refused:
        router === "web"
          ? {
              as,
              code: "WEAK_PASSWORD",
              call: (api) =>
                accountOf(api, router).changePassword({ currentPassword: PASSWORD, newPassword: "password1234" }),
            }
          : consoleGate,
    },
    {
      router,
      procedure: "account.startTotp",
      as,
      setup: () => ownAccount(as),
      call: (api) => accountOf(api, router).startTotp(),
      events: (id) => [userEvent("user.totp_enrolment_started", id, null, { pending: true })],
      refused:
        router === "web"
          ? // Authenticators are for staff.
            { as: "partnerIcbl", code: "FORBIDDEN" }
          : // One authenticator at a time: refused after the enrolment row is locked.
            { as, code: "CONFLICT", target: () => enrolledTotp(as, router) },
    },
    {
      router,
      procedure: "account.confirmTotp",
      as,
      setup: () => pendingTotp(as, router),
      call: async (api, id) => accountOf(api, router).confirmTotp({ code: await currentCode(id) }),
      events: (id) => [userEvent("user.totp_enrol", id, { totp: false }, { totp: true })],
      refused:
        router === "web"
          ? {
              as,
              code: "VALIDATION",
              call: async (api, id) => accountOf(api, router).confirmTotp({ code: await wrongCode(id) }),
            }
          : consoleGate,
    },
    {
      router,
      procedure: "account.removeTotp",
      as,
      setup: () => enrolledTotp(as, router),
      call: (api) => accountOf(api, router).removeTotp({ currentPassword: PASSWORD }),
      events: (id) => [userEvent("user.totp_remove", id, { totp: true }, { totp: false })],
      refused:
        router === "web"
          ? {
              as,
              code: "VALIDATION",
              call: (api) => accountOf(api, router).removeTotp({ currentPassword: "not the password" }),
            }
          : // Nothing to remove: refused inside the transaction.
            { as, code: "NOT_FOUND", target: () => ownAccount(as) },
    },
  ];
}

const APPROVALS_SETTING = "approvals_require_second_factor";

let conferenceTitles = 0;
const conferenceInput = (titleEn = `Audit seminar ${++conferenceTitles}`) => ({
  titleEn,
  titleFr: `Séminaire d'essai ${conferenceTitles}`,
  descriptionEn: "A test.",
  descriptionFr: "Un essai.",
  city: "Budapest",
  countryCode: "HU",
  startsOn: "2002-10-15",
  endsOn: "2002-10-16",
  coHosts: [{ countryCode: "CA" }],
  sessions: [],
  participants: ["AO", "PL"],
  organisationIds: [],
  outcomes: [],
  documents: [],
  fundingKind: "none" as const,
});

// ---- rows ----

const grantEvent = (id: string, action: string, from: string, to: string): ExpectedEvent => ({
  action: `grant.${action}`,
  entityType: "grant",
  entityId: id,
  before: { status: from },
  after: { status: to },
});

type Action =
  | "submit"
  | "returnToDraft"
  | "approve"
  | "activate"
  | "suspend"
  | "resume"
  | "beginClosing"
  | "close"
  | "cancel"
  | "terminate";

/** One grant transition: its from-state, its to-state, and a from-state the machine refuses it in. */
function transition(action: Action, from: GrantState, to: string, refusedFrom: GrantState): AuditRow {
  const creator = action === "approve" ? "officer2" : "officer";
  return {
    router: "web",
    procedure: "grants.transition",
    variant: action,
    as: "officer",
    setup: () => grant(from, creator),
    call: ({ web }, id) => web.grants.transition({ id, action, reason: "Because the test says so." }),
    events: (id) => [grantEvent(id, action, from, to)],
    refused: {
      as: "officer",
      code: "INVALID_TRANSITION",
      target: () => grant(refusedFrom, creator),
    },
  };
}

const ROWS: AuditRow[] = [
  // ---- web: grants ----
  {
    router: "web",
    procedure: "grants.create",
    as: "officer",
    call: ({ web }) => web.grants.create({ ...grantInput(icbl, [allocation]), titleEn: "Audited grant" }),
    events: (_, result: { id: string }) => [
      {
        action: "grant.create",
        entityType: "grant",
        entityId: result.id,
        before: null,
        after: { id: result.id, titleEn: "Audited grant", status: "draft", components: [{}, {}] },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "grants.update",
    as: "officer",
    setup: () => grant("draft"),
    call: ({ web }, id) =>
      web.grants.update({ id, version: 1, data: { ...grantInput(icbl, [allocation]), titleEn: "Renamed grant" } }),
    events: (id) => [
      {
        action: "grant.update",
        entityType: "grant",
        entityId: id,
        before: { id, titleEn: "Test grant", version: 1 },
        after: { id, titleEn: "Renamed grant", version: 2 },
      },
    ],
    // A stale version: refused inside the transaction, after the lock.
    refused: {
      as: "officer",
      code: "CONFLICT",
      prepare: ({ web }, id) => web.grants.update({ id, version: 1, data: grantInput(icbl, [allocation]) }),
      call: ({ web }, id) => web.grants.update({ id, version: 1, data: grantInput(icbl, [allocation]) }),
    },
  },
  transition("submit", "draft", "submitted", "approved"),
  transition("returnToDraft", "submitted", "draft", "active"),
  transition("approve", "submitted", "approved", "draft"),
  transition("activate", "approved", "active", "submitted"),
  transition("suspend", "active", "suspended", "draft"),
  transition("resume", "suspended", "active", "active"),
  transition("beginClosing", "active", "closing", "suspended"),
  transition("close", "closing", "closed", "active"),
  transition("cancel", "draft", "cancelled", "active"),
  transition("terminate", "active", "terminated", "draft"),

  // ---- web: amendments ----
  {
    router: "web",
    procedure: "amendments.propose",
    as: "officer",
    setup: () => grant("active"),
    call: ({ web }, grantId) => web.amendments.propose({ grantId, reason: "Six more months.", endsOn: "2003-09-30" }),
    events: (grantId, result: { id: string }) => [
      {
        action: "amendment.propose",
        entityType: "amendment",
        entityId: result.id,
        before: null,
        after: {
          grantId,
          status: "pending",
          reason: "Six more months.",
          changes: [{ field: "endsOn", before: "2003-03-31", after: "2003-09-30" }],
        },
      },
    ],
    refused: { as: "officer", code: "GRANT_NOT_AMENDABLE", target: () => grant("draft") },
  },
  {
    router: "web",
    procedure: "amendments.approve",
    as: "officer",
    setup: () => amendment("officer2"),
    call: ({ web }, target) => web.amendments.approve({ id: target.split(" ")[0]! }),
    events: (target) => [
      {
        action: "amendment.approve",
        entityType: "amendment",
        entityId: target.split(" ")[0]!,
        before: { status: "pending", grant: { endsOn: "2003-03-31" } },
        after: {
          grantId: target.split(" ")[1]!,
          status: "approved",
          number: 1,
          changes: [{ field: "endsOn", before: "2003-03-31", after: "2003-06-30" }],
        },
      },
    ],
    // Four eyes: the proposer cannot approve their own amendment.
    refused: { as: "officer2", code: "FOUR_EYES_REQUIRED" },
  },
  {
    router: "web",
    procedure: "amendments.reject",
    as: "officer",
    setup: () => amendment("officer2"),
    call: ({ web }, target) => web.amendments.reject({ id: target.split(" ")[0]!, reason: "Not agreed." }),
    events: (target) => [
      {
        action: "amendment.reject",
        entityType: "amendment",
        entityId: target.split(" ")[0]!,
        before: { status: "pending" },
        after: { grantId: target.split(" ")[1]!, status: "rejected", reason: "Not agreed." },
      },
    ],
    refused: { as: "admin", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "amendments.withdraw",
    as: "officer",
    setup: () => amendment("officer"),
    call: ({ web }, target) => web.amendments.withdraw({ id: target.split(" ")[0]! }),
    events: (target) => [
      {
        action: "amendment.withdraw",
        entityType: "amendment",
        entityId: target.split(" ")[0]!,
        before: { status: "pending" },
        after: { grantId: target.split(" ")[1]!, status: "withdrawn" },
      },
    ],
    // Only the proposer withdraws.
    refused: { as: "officer2", code: "FORBIDDEN" },
  },

  // ---- web: payments ----
  {
    router: "web",
    procedure: "payments.schedule",
    as: "officer",
    setup: () => grant("active"),
    call: ({ web }, grantId) => web.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 123_400 }),
    events: (grantId, result: { id: string }) => [
      {
        action: "payment.schedule",
        entityType: "scheduled_payment",
        entityId: result.id,
        before: null,
        after: { id: result.id, grantId, amount: 123_400, status: "planned" },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },
  ...(
    [
      ["markDue", "planned", "due", "on_hold"],
      ["approve", "due", "approved", "planned"],
      ["hold", "due", "on_hold", "on_hold"],
      ["release", "on_hold", "due", "due"],
      ["cancel", "planned", "cancelled", null],
    ] as const
  ).map(([action, from, to, refusedFrom]): AuditRow => ({
    router: "web",
    procedure: "payments.act",
    variant: action,
    as: "officer",
    setup: () => payment(from),
    call: ({ web }, id) => web.payments.act({ id, action }),
    events: (id) => [
      {
        action: `payment.${action}`,
        entityType: "scheduled_payment",
        entityId: id,
        before: { status: from },
        after: { status: to },
      },
    ],
    refused:
      refusedFrom === null
        ? { as: "partnerIcbl", code: "FORBIDDEN" }
        : {
            as: "officer",
            code: "INVALID_TRANSITION",
            target: () => payment(refusedFrom),
          },
  })),
  {
    router: "web",
    procedure: "payments.refreshHolds",
    as: "officer",
    setup: grantWithOverdueReport,
    call: ({ web }, grantId) => web.payments.refreshHolds({ grantId }),
    events: (grantId) => [
      {
        action: "grant.refreshPaymentHolds",
        entityType: "grant",
        entityId: grantId,
        before: [{ sequence: 1, status: "due" }],
        after: [{ sequence: 1, status: "on_hold" }],
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "payments.requestUnscheduled",
    as: "officer",
    setup: () => grant("active"),
    call: ({ web }, grantId) =>
      web.payments.requestUnscheduled({ grantId, amount: 150_000, dueOn: "2002-07-15", reason: "Audit request" }),
    events: (grantId, result: { id: string }) => [
      {
        action: "payment.requestUnscheduled",
        entityType: "scheduled_payment",
        entityId: result.id,
        before: null,
        after: { id: result.id, grantId, amount: 150_000, status: "due", descriptionEn: "Audit request" },
      },
    ],
    // Money is paid only on an active or closing grant.
    refused: { as: "officer", code: "GRANT_NOT_DISBURSABLE", target: () => grant("draft") },
  },

  // ---- web: disbursements ----
  {
    router: "web",
    procedure: "disbursements.record",
    as: "officer",
    // Every payment pays an instalment a second officer approved: the target is "grantId paymentId".
    setup: () => payableInstalment(250_000),
    call: ({ web }, target) =>
      web.disbursements.record({
        grantId: target.split(" ")[0]!,
        scheduledPaymentId: target.split(" ")[1]!,
        paidOn: "2002-08-01",
        amount: 250_000,
        reference: "EFT-AUDIT",
        idempotencyKey: newKey(),
      }),
    events: (target, result: { disbursement: { id: string } }) => [
      {
        action: "disbursement.record",
        entityType: "disbursement",
        entityId: result.disbursement.id,
        before: { scheduledPayment: { id: target.split(" ")[1], status: "approved" } },
        after: {
          disbursement: {
            id: result.disbursement.id,
            grantId: target.split(" ")[0],
            scheduledPaymentId: target.split(" ")[1],
            amountCad: 250_000,
            reference: "EFT-AUDIT",
          },
          scheduledPayment: { id: target.split(" ")[1], status: "paid" },
        },
      },
    ],
    // Dated before the grant starts: refused after the grant and the instalment are locked.
    refused: {
      as: "officer",
      code: "PAYMENT_DATE_OUT_OF_RANGE",
      call: ({ web }, target) =>
        web.disbursements.record({
          grantId: target.split(" ")[0]!,
          scheduledPaymentId: target.split(" ")[1]!,
          paidOn: "2002-03-01",
          amount: 250_000,
          reference: "EFT-TOO-EARLY",
          idempotencyKey: newKey(),
        }),
    },
  },
  {
    router: "web",
    procedure: "disbursements.reverse",
    as: "officer",
    setup: disbursement,
    call: ({ web }, disbursementId) =>
      web.disbursements.reverse({
        disbursementId,
        reason: "Paid twice.",
        paidOn: "2002-08-02",
        idempotencyKey: newKey(),
      }),
    events: (original, result: { disbursement: { id: string } }) => [
      {
        action: "disbursement.reverse",
        entityType: "disbursement",
        entityId: result.disbursement.id,
        before: { reverses: { id: original, amountCad: 100_000 } },
        after: { disbursement: { id: result.disbursement.id, amountCad: -100_000, reversesId: original } },
      },
    ],
    // A closed grant's books are closed.
    refused: { as: "officer", code: "GRANT_NOT_REVERSIBLE", target: () => disbursement("closed") },
  },

  // ---- web: requirements ----
  {
    router: "web",
    procedure: "requirements.add",
    as: "officer",
    setup: () => grant("active"),
    call: ({ web }, grantId) =>
      web.requirements.add({ grantId, kind: "financial", stage: "final", dueOn: "2099-01-01" }),
    events: (grantId, result: { id: string }) => [
      {
        action: "requirement.add",
        entityType: "reporting_requirement",
        entityId: result.id,
        before: null,
        after: { id: result.id, grantId, kind: "financial", stage: "final", status: "open" },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "requirements.submit",
    as: "partnerIcbl",
    setup: () => requirement("open"),
    call: ({ web }, requirementId) => web.requirements.submit({ requirementId, body: "Our audited report." }),
    events: (id) => [
      {
        action: "requirement.submit",
        entityType: "reporting_requirement",
        entityId: id,
        before: { status: "open" },
        after: { status: "submitted", submission: { body: "Our audited report." } },
      },
    ],
    refused: { as: "partnerMac", code: "NOT_FOUND" },
  },
  {
    router: "web",
    procedure: "requirements.review",
    as: "officer",
    setup: () => requirement("submitted"),
    call: ({ web }, requirementId) =>
      web.requirements.review({ requirementId, decision: "changes_requested", response: "Add the annex." }),
    events: (id) => [
      {
        action: "requirement.requestChanges",
        entityType: "reporting_requirement",
        entityId: id,
        before: { status: "submitted" },
        after: { status: "changes_requested" },
      },
    ],
    // Nothing submitted yet: the machine refuses a review.
    refused: {
      as: "officer",
      code: "INVALID_TRANSITION",
      target: () => requirement("open"),
    },
  },
  {
    router: "web",
    procedure: "requirements.waive",
    as: "officer",
    setup: () => requirement("open"),
    call: ({ web }, requirementId) => web.requirements.waive({ requirementId, reason: "Covered by the final report." }),
    events: (id) => [
      {
        action: "requirement.waive",
        entityType: "reporting_requirement",
        entityId: id,
        before: { status: "open", waivedReason: null },
        after: { status: "waived", waivedReason: "Covered by the final report." },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },

  // ---- web: invitations and members ----
  {
    router: "web",
    procedure: "invitations.create",
    as: "partnerIcbl",
    call: ({ web }) =>
      web.invitations.create({ email: "audited-colleague@icbl.example.org", role: "partner", organisationId: icbl }),
    events: (_, result: { id: string }) => [
      {
        action: "invitation.create",
        entityType: "invitation",
        entityId: result.id,
        before: null,
        after: { id: result.id, email: "audited-colleague@icbl.example.org", organisationId: icbl, role: "partner" },
      },
    ],
    // MAC's demo partner may not manage members.
    refused: {
      as: "partnerMac",
      code: "FORBIDDEN",
      call: ({ web }) => web.invitations.create({ email: uniqueEmail(), role: "partner", organisationId: mac }),
    },
  },
  {
    router: "web",
    procedure: "invitations.revoke",
    as: "partnerIcbl",
    setup: invitation,
    call: ({ web }, invitationId) => web.invitations.revoke({ invitationId }),
    events: (id) => [
      {
        action: "invitation.revoke",
        entityType: "invitation",
        entityId: id,
        before: { state: "pending" },
        after: { state: "revoked" },
      },
    ],
    refused: { as: "partnerMac", code: "NOT_FOUND" },
  },
  {
    router: "web",
    procedure: "invitations.accept",
    as: "anonymous",
    setup: invitation,
    call: ({ web }, id) =>
      web.invitations.accept({ token: tokens.get(id)!, name: "New Colleague", password: PASSWORD }),
    events: (id, result: { email: string }) => [
      {
        action: "invitation.accept",
        entityType: "invitation",
        entityId: id,
        before: { state: "pending" },
        after: {
          state: "accepted",
          user: { email: result.email, role: "partner" },
          membership: { organisationId: icbl },
        },
      },
    ],
    // The new account accepts, so it is the actor.
    actor: async (result: { email: string }) => {
      const [user] = await db.select().from(users).where(eq(users.email, result.email));
      return { id: user!.id, role: user!.role };
    },
    // The same link a second time.
    refused: {
      as: "anonymous",
      code: "CONFLICT",
      prepare: ({ web }, id) => web.invitations.accept({ token: tokens.get(id)!, name: "First", password: PASSWORD }),
      call: ({ web }, id) => web.invitations.accept({ token: tokens.get(id)!, name: "Second", password: PASSWORD }),
    },
  },
  {
    router: "web",
    procedure: "members.updateCapabilities",
    as: "partnerIcbl",
    setup: icblColleague,
    call: ({ web }, membershipId) => web.members.updateCapabilities({ membershipId, capabilities: ["submit_reports"] }),
    events: (id) => [
      {
        action: "membership.update",
        entityType: "membership",
        entityId: id,
        before: { capabilities: ["view"] },
        after: { capabilities: ["view", "submit_reports"] },
      },
    ],
    refused: { as: "partnerMac", code: "NOT_FOUND" },
  },

  // ---- web: conferences ----
  {
    router: "web",
    procedure: "conferences.create",
    as: "officer",
    call: ({ web }) => web.conferences.create(conferenceInput("Audited seminar")),
    events: (_, result: { id: string }) => [
      {
        action: "conference.create",
        entityType: "conference",
        entityId: result.id,
        before: null,
        after: { id: result.id, titleEn: "Audited seminar" },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "conferences.update",
    as: "officer",
    setup: async () => (await (await web("officer2")).conferences.create(conferenceInput("Before the edit"))).id,
    call: ({ web }, id) => web.conferences.update({ id, version: 1, data: conferenceInput("After the edit") }),
    events: (id) => [
      {
        action: "conference.update",
        entityType: "conference",
        entityId: id,
        before: { id, titleEn: "Before the edit" },
        after: { id, titleEn: "After the edit" },
      },
    ],
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },

  // ---- web: partnerships and links ----
  {
    router: "web",
    procedure: "partnerships.save",
    variant: "create",
    as: "officer",
    setup: organisation,
    call: ({ web }, organisationId) =>
      web.partnerships.save({ organisationId, kind: "civil_society", since: "2001-12-03" }),
    events: (organisationId, result: { id: string }) => [
      {
        action: "partnership.create",
        entityType: "partnership",
        entityId: result.id,
        before: null,
        after: { organisationId, kind: "civil_society", since: "2001-12-03" },
      },
    ],
    refused: { as: "partnerMac", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "partnerships.save",
    variant: "update",
    as: "officer",
    setup: async () => {
      const organisationId = await organisation();
      await (await web("officer2")).partnerships.save({ organisationId, kind: "state" });
      return organisationId;
    },
    call: ({ web }, organisationId) =>
      web.partnerships.save({ organisationId, kind: "civil_society", since: "2001-12-03" }),
    events: (organisationId, result: { id: string }) => [
      {
        action: "partnership.update",
        entityType: "partnership",
        entityId: result.id,
        before: { organisationId, kind: "state", since: null },
        after: { organisationId, kind: "civil_society", since: "2001-12-03" },
      },
    ],
    refused: { as: "partnerMac", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "partnerships.createLink",
    as: "officer",
    setup: organisation,
    call: ({ web }, from) =>
      web.partnerships.createLink({ fromOrganisationId: from, toOrganisationId: mac, kind: "member_of" }),
    events: (from, result: { id: string }) => [
      {
        action: "organisation_relation.create",
        entityType: "organisation_relation",
        entityId: result.id,
        before: null,
        after: { fromOrganisationId: from, toOrganisationId: mac, kind: "member_of" },
      },
    ],
    refused: { as: "partnerMac", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "partnerships.updateLink",
    as: "officer",
    setup: link,
    call: ({ web }, id) =>
      web.partnerships.updateLink({ id, kind: "coordination_committee_member_of", since: "1998-01-01" }),
    events: (id) => [
      {
        action: "organisation_relation.update",
        entityType: "organisation_relation",
        entityId: id,
        before: { kind: "member_of" },
        after: { kind: "coordination_committee_member_of", since: "1998-01-01" },
      },
    ],
    refused: { as: "partnerMac", code: "FORBIDDEN" },
  },
  {
    router: "web",
    procedure: "partnerships.deleteLink",
    as: "officer",
    setup: link,
    call: ({ web }, id) => web.partnerships.deleteLink({ id }),
    events: (id) => [
      {
        action: "organisation_relation.delete",
        entityType: "organisation_relation",
        entityId: id,
        before: { toOrganisationId: icbl, kind: "member_of" },
        after: null,
      },
    ],
    refused: { as: "partnerMac", code: "FORBIDDEN" },
  },

  // ---- web: one's own notification settings ----
  {
    router: "web",
    procedure: "notifications.savePreferences",
    as: "partnerIcbl",
    setup: async () => (await actorIdentity("partnerIcbl")).id,
    call: ({ web }) =>
      web.notifications.savePreferences({ preferences: [{ category: "payments", delivery: "digest" }] }),
    events: (userId) => [
      {
        action: "user.setNotificationPreferences",
        entityType: "user",
        entityId: userId,
        before: expect.arrayContaining([expect.objectContaining({ category: "payments" })]),
        after: expect.arrayContaining([{ category: "payments", delivery: "digest" }]),
      },
    ],
    refused: { as: "anonymous", code: "UNAUTHORIZED" },
  },
  {
    router: "web",
    procedure: "notifications.setLocale",
    as: "officer2",
    setup: async () => (await actorIdentity("officer2")).id,
    call: ({ web }) => web.notifications.setLocale({ locale: "fr" }),
    events: (userId) => [
      {
        action: "user.setLocale",
        entityType: "user",
        entityId: userId,
        before: { locale: expect.any(String) as unknown },
        after: { locale: "fr" },
      },
    ],
    refused: { as: "anonymous", code: "UNAUTHORIZED" },
  },

  // ---- web: account (no sign-in; the events name the account as actor) ----
  {
    router: "web",
    procedure: "publicAccount.requestPasswordReset",
    as: "anonymous",
    // The target is "userId email".
    setup: async () => {
      const email = uniqueEmail("reset");
      const [user] = await db.insert(users).values({ email, name: "Rita Reset", role: "officer" }).returning();
      return `${user!.id} ${email}`;
    },
    call: ({ web }, target) => web.publicAccount.requestPasswordReset({ email: target.split(" ")[1]! }),
    actor: (_, target) => userIdentity(target.split(" ")[0]!),
    events: (target) => [
      {
        action: "user.requestPasswordReset",
        entityType: "user",
        entityId: target.split(" ")[0]!,
        before: null,
        after: { resetTokenId: expect.any(String) as unknown },
      },
    ],
    refused: {
      as: "anonymous",
      code: "BAD_REQUEST",
      call: ({ web }) => web.publicAccount.requestPasswordReset({ email: "not an address" }),
    },
  },
  {
    router: "web",
    procedure: "publicAccount.resetPassword",
    as: "anonymous",
    // The target is "userId token".
    setup: async () => {
      const userId = await throwawayUser("officer");
      return `${userId} ${await resetToken(userId)}`;
    },
    call: ({ web }, target) => web.publicAccount.resetPassword({ token: target.split(" ")[1]!, password: PASSWORD }),
    actor: (_, target) => userIdentity(target.split(" ")[0]!),
    events: (target) => [
      {
        action: "user.resetPassword",
        entityType: "user",
        entityId: target.split(" ")[0]!,
        before: null,
        after: { passwordChanged: true },
      },
    ],
    // A token nobody was given.
    refused: {
      as: "anonymous",
      code: "VALIDATION",
      call: ({ web }) =>
        web.publicAccount.resetPassword({ token: randomBytes(32).toString("base64url"), password: PASSWORD }),
    },
  },
  {
    router: "web",
    procedure: "publicAccount.unsubscribe",
    as: "anonymous",
    // The target is "userId token".
    setup: async () => {
      const userId = await throwawayUser("partner");
      return `${userId} ${tokenOf(unsubscribeLink(userId, "payments"))}`;
    },
    call: ({ web }, target) => web.publicAccount.unsubscribe({ token: target.split(" ")[1]! }),
    actor: (_, target) => userIdentity(target.split(" ")[0]!),
    events: (target) => [
      {
        action: "user.unsubscribe",
        entityType: "user",
        entityId: target.split(" ")[0]!,
        before: { category: "payments" },
        after: { category: "payments", delivery: "off" },
      },
    ],
    // A token that is not signed.
    refused: {
      as: "anonymous",
      code: "VALIDATION",
      call: ({ web }, target) => web.publicAccount.unsubscribe({ token: `${target.split(" ")[1]!}x` }),
    },
  },

  // ---- web: IATI publishing ----
  {
    router: "web",
    procedure: "iati.publish",
    variant: "first",
    as: "officer",
    setup: () => grant("active"),
    call: ({ web }, grantId) => web.iati.publish({ grantId }),
    events: (grantId, result: { identifier: string }) => [
      {
        action: "grant.publish",
        entityType: "grant",
        entityId: grantId,
        before: null,
        after: { identifier: result.identifier, illustrative: false, publishedAt: expect.any(String) as unknown },
      },
    ],
    // A draft is not an activity yet: refused after the grant is locked.
    refused: { as: "officer", code: "IATI_INVALID", target: () => grant("draft") },
  },
  {
    router: "web",
    procedure: "iati.publish",
    variant: "again",
    as: "officer",
    // Published once already (by another officer): the target is "grantId publishedAt".
    setup: async () => {
      const grantId = await grant("active");
      const first = await (await web("officer2")).iati.publish({ grantId });
      return `${grantId} ${first.publishedAt.toISOString()}`;
    },
    call: ({ web }, target) => web.iati.publish({ grantId: target.split(" ")[0]! }),
    events: (target, result: { identifier: string }) => [
      {
        action: "grant.publish",
        entityType: "grant",
        entityId: target.split(" ")[0]!,
        before: { publishedAt: target.split(" ")[1] },
        after: { identifier: result.identifier, publishedAt: expect.any(String) as unknown },
      },
    ],
    // Publishing is the ministry's.
    refused: { as: "partnerIcbl", code: "FORBIDDEN" },
  },

  // ---- web: one's own account security ----
  ...accountRows("web"),

  // ---- admin: one's own notification settings (admins receive notifications too) ----
  {
    router: "admin",
    procedure: "notifications.savePreferences",
    as: "admin",
    setup: async () => (await actorIdentity("admin")).id,
    call: ({ admin }) =>
      admin.notifications.savePreferences({ preferences: [{ category: "operations", delivery: "digest" }] }),
    events: (userId) => [
      {
        action: "user.setNotificationPreferences",
        entityType: "user",
        entityId: userId,
        before: expect.arrayContaining([expect.objectContaining({ category: "operations" })]),
        after: expect.arrayContaining([{ category: "operations", delivery: "digest" }]),
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "notifications.setLocale",
    as: "admin",
    setup: async () => (await actorIdentity("admin")).id,
    call: ({ admin }) => admin.notifications.setLocale({ locale: "fr" }),
    events: (userId) => [
      {
        action: "user.setLocale",
        entityType: "user",
        entityId: userId,
        before: { locale: expect.any(String) as unknown },
        after: { locale: "fr" },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },

  // ---- admin ----
  {
    router: "admin",
    procedure: "organisations.create",
    as: "admin",
    call: ({ admin }) => admin.organisations.create(orgData("Audited organisation")),
    events: (_, result: { id: string }) => [
      {
        action: "organisation.create",
        entityType: "organisation",
        entityId: result.id,
        before: null,
        after: { legalNameEn: "Audited organisation" },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "organisations.update",
    as: "admin",
    setup: organisation,
    call: ({ admin }, id) => admin.organisations.update({ id, data: orgData("Renamed organisation") }),
    events: (id) => [
      {
        action: "organisation.update",
        entityType: "organisation",
        entityId: id,
        before: { legalNameEn: "Audit test" },
        after: { legalNameEn: "Renamed organisation" },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "users.invite",
    as: "admin",
    call: ({ admin }) => admin.users.invite({ email: "audited-officer@example.org", role: "officer" }),
    events: (_, result: { id: string }) => [
      {
        action: "invitation.create",
        entityType: "invitation",
        entityId: result.id,
        before: null,
        after: { id: result.id, email: "audited-officer@example.org", role: "officer" },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "users.changeRole",
    as: "admin",
    setup: () => throwawayUser("officer"),
    call: ({ admin }, userId) => admin.users.changeRole({ userId, role: "admin" }),
    events: (id) => [
      {
        action: "user.changeRole",
        entityType: "user",
        entityId: id,
        before: { id, role: "officer" },
        after: { id, role: "admin" },
      },
    ],
    // A partner needs an organisation: refused by the service.
    refused: {
      as: "admin",
      code: "VALIDATION",
      call: ({ admin }, userId) => admin.users.changeRole({ userId, role: "partner" }),
    },
  },
  {
    router: "admin",
    procedure: "users.setActive",
    as: "admin",
    setup: () => throwawayUser("officer"),
    call: ({ admin }, userId) => admin.users.setActive({ userId, active: false }),
    events: (id) => [
      {
        action: "user.deactivate",
        entityType: "user",
        entityId: id,
        before: { id, active: true },
        after: { id, active: false },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "users.saveMembership",
    as: "admin",
    setup: () => throwawayUser("partner"),
    call: ({ admin }, userId) => admin.users.saveMembership({ userId, organisationId: mac, capabilities: ["view"] }),
    events: (userId, result: { id: string }) => [
      {
        action: "membership.create",
        entityType: "membership",
        entityId: result.id,
        before: null,
        after: { userId, organisationId: mac },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "users.removeMembership",
    as: "admin",
    // A partner keeps at least one organisation, so the throwaway partner belongs to two; the target is both ids.
    setup: async () => {
      const userId = await throwawayUser("partner");
      const saved = await (await admin()).users.saveMembership({ userId, organisationId: mac, capabilities: ["view"] });
      await (await admin()).users.saveMembership({ userId, organisationId: icbl, capabilities: ["view"] });
      return `${userId} ${saved.id}`;
    },
    call: ({ admin }, target) => admin.users.removeMembership({ userId: target.split(" ")[0]!, organisationId: mac }),
    events: (target) => [
      {
        action: "membership.delete",
        entityType: "membership",
        entityId: target.split(" ")[1]!,
        before: { userId: target.split(" ")[0], organisationId: mac },
        after: null,
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },

  {
    router: "admin",
    procedure: "users.setOfficerScope",
    as: "admin",
    // "userId programmeId": a throwaway officer with no programme yet, and a programme of its own to assign.
    setup: async () => `${await throwawayUser("officer")} ${await programme()}`,
    call: ({ admin }, target) => {
      const [userId, programmeId] = target.split(" ") as [string, string];
      return admin.users.setOfficerScope({ userId, programmeIds: [programmeId], outsideProgrammes: "hidden" });
    },
    events: (target) => [
      {
        action: "user.setProgrammeScope",
        entityType: "user",
        entityId: target.split(" ")[0]!,
        before: { programmes: [], outsideProgrammes: "read_only" },
        after: { programmes: [{ id: target.split(" ")[1] }], outsideProgrammes: "hidden" },
      },
    ],
    // A partner is not assigned to programmes: refused by field, nothing written.
    refused: {
      as: "admin",
      code: "VALIDATION",
      target: () => throwawayUser("partner"),
      call: ({ admin }, userId) =>
        admin.users.setOfficerScope({ userId, programmeIds: [], outsideProgrammes: "hidden" }),
    },
  },

  {
    router: "admin",
    procedure: "users.endSessions",
    as: "admin",
    setup: async () => {
      const userId = await throwawayUser("officer");
      await liveSessions(userId, 2);
      return userId;
    },
    call: ({ admin }, userId) => admin.users.endSessions({ userId }),
    events: (id) => [
      {
        action: "user.end_sessions",
        entityType: "user",
        entityId: id,
        before: { sessions: 2 },
        after: { sessions: 0 },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },

  // ---- admin: security ----
  ...accountRows("admin"),
  {
    router: "admin",
    procedure: "security.updateSettings",
    as: "admin",
    // Turned on first, so the call turns it off: the rows after this one approve without a second factor.
    setup: async () => {
      await (await admin()).security.updateSettings({ approvalsRequireSecondFactor: true });
      return APPROVALS_SETTING;
    },
    call: ({ admin }) => admin.security.updateSettings({ approvalsRequireSecondFactor: false }),
    events: (key) => [
      {
        action: "setting.update",
        entityType: "setting",
        entityId: key,
        before: { value: true },
        after: { value: false },
      },
    ],
    // A target of its own, so the refusal's setup does not leave the setting on.
    refused: { as: "officer", code: "FORBIDDEN", target: () => Promise.resolve(APPROVALS_SETTING) },
  },

  // ---- admin: budget administration ----
  {
    router: "admin",
    procedure: "budgetAdministration.createProgramme",
    as: "admin",
    call: ({ admin }) =>
      admin.budgetAdministration.createProgramme({
        code: `C${randomUUID().slice(0, 8).toUpperCase()}`,
        nameEn: "Audited programme",
        nameFr: "Programme d'essai",
      }),
    events: (_, result: { id: string; code: string }) => [
      {
        action: "programme.create",
        entityType: "programme",
        entityId: result.id,
        before: null,
        after: { id: result.id, code: result.code, nameEn: "Audited programme", parentId: null },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "budgetAdministration.updateProgramme",
    as: "admin",
    setup: programme,
    call: ({ admin }, id) =>
      admin.budgetAdministration.updateProgramme({
        id,
        data: { code: `U${randomUUID().slice(0, 8).toUpperCase()}`, nameEn: "Renamed programme", nameFr: "Renommé" },
      }),
    events: (id) => [
      {
        action: "programme.update",
        entityType: "programme",
        entityId: id,
        before: { id, nameEn: expect.stringMatching(/^Audit /) as unknown },
        after: { id, nameEn: "Renamed programme", nameFr: "Renommé" },
      },
    ],
    // A programme cannot be its own parent: refused by the service, inside the transaction.
    refused: {
      as: "admin",
      code: "VALIDATION",
      call: ({ admin }, id) =>
        admin.budgetAdministration.updateProgramme({
          id,
          data: { code: `U${randomUUID().slice(0, 8).toUpperCase()}`, nameEn: "Loop", nameFr: "Boucle", parentId: id },
        }),
    },
  },
  {
    router: "admin",
    procedure: "budgetAdministration.openFiscalYear",
    as: "admin",
    setup: () => Promise.resolve(String(unopenedYears++)),
    call: ({ admin }, year) => admin.budgetAdministration.openFiscalYear({ fiscalYear: Number(year) }),
    events: (year) => [
      {
        action: "fiscal_year.open",
        entityType: "fiscal_year",
        entityId: year,
        before: null,
        after: { startYear: Number(year) },
      },
    ],
    // The seed opened FY 2002-2003 already.
    refused: { as: "admin", code: "CONFLICT", target: () => Promise.resolve("2002") },
  },
  {
    router: "admin",
    procedure: "budgetAdministration.setAllocation",
    variant: "open",
    as: "admin",
    setup: programme,
    call: ({ admin }, programmeId) =>
      admin.budgetAdministration.setAllocation({ programmeId, fiscalYear: 2002, amount: 500_000, reason: "Opening" }),
    events: (programmeId, result: { id: string; movement: { id: string } }) => [
      {
        action: "allocation.open",
        entityType: "allocation",
        entityId: result.id,
        before: null,
        after: { programmeId, fiscalYear: 2002, amount: 500_000, reason: "Opening", movementId: result.movement.id },
      },
    ],
    // A year nobody opened.
    refused: {
      as: "admin",
      code: "VALIDATION",
      call: ({ admin }, programmeId) =>
        admin.budgetAdministration.setAllocation({ programmeId, fiscalYear: 2079, amount: 500_000, reason: "Early" }),
    },
  },
  {
    router: "admin",
    procedure: "budgetAdministration.setAllocation",
    variant: "adjust",
    as: "admin",
    // A programme with an allocation of 1,000,000 in FY 2002-2003: "programmeId allocationId".
    setup: async () => {
      const programmeId = await programme();
      const [row] = await db
        .insert(allocations)
        .values({ programmeId, fiscalYear: 2002, amount: 1_000_000 })
        .returning({ id: allocations.id });
      return `${programmeId} ${row!.id}`;
    },
    call: ({ admin }, target) =>
      admin.budgetAdministration.setAllocation({
        programmeId: target.split(" ")[0]!,
        fiscalYear: 2002,
        amount: 400_000,
        reason: "Lowered",
      }),
    events: (target, result: { movement: { id: string } }) => [
      {
        action: "allocation.adjust",
        entityType: "allocation",
        entityId: target.split(" ")[1]!,
        before: { amount: 1_000_000, committed: 0 },
        after: { amount: 400_000, committed: 0, reason: "Lowered", movementId: result.movement.id },
      },
    ],
    refused: { as: "officer", code: "FORBIDDEN" },
  },
  {
    router: "admin",
    procedure: "budgetAdministration.transfer",
    as: "admin",
    // One event, on the source allocation, naming both sides before and after.
    setup: allocationPair,
    call: ({ admin }, target) =>
      admin.budgetAdministration.transfer({
        fromAllocationId: target.split(" ")[0]!,
        toAllocationId: target.split(" ")[1]!,
        amount: 300_000,
        reason: "Moved",
      }),
    events: (target, result: { transferId: string }) => [
      {
        action: "allocation.transfer",
        entityType: "allocation",
        entityId: target.split(" ")[0]!,
        before: {
          from: { id: target.split(" ")[0], amount: 1_000_000 },
          to: { id: target.split(" ")[1], amount: 1_000_000 },
        },
        after: {
          transferId: result.transferId,
          amount: 300_000,
          reason: "Moved",
          from: { id: target.split(" ")[0], amount: 700_000 },
          to: { id: target.split(" ")[1], amount: 1_300_000 },
        },
      },
    ],
    // More than the source holds: refused after both allocations are locked.
    refused: {
      as: "admin",
      code: "ALLOCATION_BELOW_COMMITTED",
      call: ({ admin }, target) =>
        admin.budgetAdministration.transfer({
          fromAllocationId: target.split(" ")[0]!,
          toAllocationId: target.split(" ")[1]!,
          amount: 1_000_001,
          reason: "Too much",
        }),
    },
  },
];

/**
 * Mutations that write no audit event by design, each with the reason. A test below calls each one, checks that it
 * did change something (so "no event" is not just a call that did nothing), and that it wrote no event.
 */
interface SilentMutation {
  router: "web" | "admin";
  procedure: string;
  reason: string;
  as: Persona;
  /** Makes something for the call to change; returns a target id. */
  setup: () => Promise<string>;
  call: (api: Api, target: string) => Promise<unknown>;
  /** Whether the call changed what it should have (the positive control). */
  changed: (target: string, result: never) => Promise<boolean>;
}

const SILENT_MUTATIONS: SilentMutation[] = [
  {
    router: "web",
    procedure: "notifications.markRead",
    reason: "Reading one's own notifications is not a change to the record, like opening a page.",
    as: "partnerIcbl",
    setup: async () => {
      const [row] = await db
        .insert(notifications)
        .values({
          userId: (await actorIdentity("partnerIcbl")).id,
          category: "reports",
          kind: "reportDue",
          link: "/",
          dedupKey: `audit-silent-${randomUUID()}`,
          emailDelivery: "off",
        })
        .returning({ id: notifications.id });
      return row!.id;
    },
    call: ({ web }, id) => web.notifications.markRead({ ids: [id] }),
    changed: async (id, result: { marked: number }) => {
      const [row] = await db
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.id, id));
      return result.marked === 1 && row?.readAt != null;
    },
  },
  {
    router: "admin",
    procedure: "notifications.markRead",
    reason: "Reading one's own notifications is not a change to the record, like opening a page.",
    as: "admin",
    setup: async () => {
      const [row] = await db
        .insert(notifications)
        .values({
          userId: (await actorIdentity("admin")).id,
          category: "operations",
          kind: "jobFailed",
          link: "/jobs",
          dedupKey: `audit-silent-${randomUUID()}`,
          emailDelivery: "off",
        })
        .returning({ id: notifications.id });
      return row!.id;
    },
    call: ({ admin }, id) => admin.notifications.markRead({ ids: [id] }),
    changed: async (id, result: { marked: number }) => {
      const [row] = await db
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.id, id));
      return result.marked === 1 && row?.readAt != null;
    },
  },
];

const rowName = (row: AuditRow) => `${row.router} ${row.procedure}${row.variant ? ` ${row.variant}` : ""}`;

async function lastEventId(): Promise<number> {
  const [row] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  return row?.id ?? 0;
}

async function eventsAfter(id: number) {
  return db.select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(auditEvents.id);
}

describe("every mutation writes its audit events", () => {
  for (const row of ROWS) {
    it(`${rowName(row)}: as ${row.as}, exactly the expected events`, async () => {
      const target = row.setup ? await row.setup() : "";
      const since = await lastEventId();
      const result = (await row.call(await api(row.as), target)) as never;
      const actor = row.actor ? await row.actor(result, target) : await actorIdentity(row.as);
      const expected = row.events(target, result);
      const written = await eventsAfter(since);
      expect(written.map((e) => e.action)).toEqual(expected.map((e) => e.action));
      written.forEach((event, index) => {
        const { before, after, ...identity } = expected[index]!;
        expect(event).toMatchObject({ ...identity, actorId: actor.id, actorRole: actor.role });
        if (before === null) expect(event.before).toBeNull();
        else expect(event.before).toMatchObject(before as object);
        if (after === null) expect(event.after).toBeNull();
        else expect(event.after).toMatchObject(after as object);
      });
    });

    it(`${rowName(row)}: refused for ${row.refused.as} (${row.refused.code}), no event`, async () => {
      const target = row.refused.target ? await row.refused.target() : row.setup ? await row.setup() : "";
      const caller = await api(row.refused.as);
      if (row.refused.prepare) await row.refused.prepare(caller, target);
      const since = await lastEventId();
      expect(await codeOf((row.refused.call ?? row.call)(caller, target))).toBe(row.refused.code);
      expect(await eventsAfter(since)).toEqual([]);
    });
  }
});

describe("mutations that write no audit event by design", () => {
  for (const silent of SILENT_MUTATIONS) {
    it(`${silent.router} ${silent.procedure}: changes what it should and writes no event (${silent.reason})`, async () => {
      const target = await silent.setup();
      const since = await lastEventId();
      const result = (await silent.call(await api(silent.as), target)) as never;
      expect(await silent.changed(target, result)).toBe(true);
      expect(await eventsAfter(since)).toEqual([]);
    });
  }
});

async function actorIdentity(persona: Persona): Promise<{ id: string; role: string }> {
  const actor = await actorFor(db, persona);
  if (!actor) throw new Error("an anonymous call names its actor with `actor`");
  return { id: actor.userId, role: actor.role };
}

describe("the table covers every mutation the routers define", () => {
  it("lists each mutating procedure of webRouter and adminRouter", async () => {
    const { adminRouter, webRouter } = await import("@portal/api");
    const mutations = (name: "web" | "admin", router: typeof webRouter | typeof adminRouter) =>
      Object.entries(router._def.procedures as unknown as Record<string, { _def: { type: string } }>)
        .filter(([, procedure]) => procedure._def.type === "mutation")
        .map(([path]) => `${name} ${path}`);
    const defined = [...mutations("web", webRouter), ...mutations("admin", adminRouter)].sort();
    const audited = new Set(ROWS.map((row) => `${row.router} ${row.procedure}`));
    const silent = SILENT_MUTATIONS.map((m) => `${m.router} ${m.procedure}`);
    // A mutation is either audited or exempt, never both.
    expect(silent.filter((name) => audited.has(name))).toEqual([]);
    const listed = [...audited, ...silent].sort();
    // Positive control: the enumeration finds mutations at all (an empty list would match an empty table).
    expect(defined).toEqual(expect.arrayContaining(["web grants.create", "admin users.invite"]));
    expect(listed).toEqual(defined);
  });
});
