import { createHash, randomBytes } from "node:crypto";
import { unsubscribeLink } from "@portal/api/notifications";
import { type Database, passwordResetTokens, programmes, users } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, callersAs, type Persona, scopedOfficer } from "./support/actors";
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

// The role and capability check of every ledger procedure and every grant transition, over the kinds of caller that
// matter: nobody, a partner of the grant's organisation (ICBL), a partner of another (MAC), an officer whose
// programmes fund the grant (in scope), an officer of another programme who reads other grants (read-only) or does
// not see them (hidden), an admin. Each call gets a fresh target in the right state, made by the *other* officer
// where four eyes would otherwise refuse.

type Caller = "anonymous" | "partnerIcbl" | "partnerMac" | "officer" | "officerReadOnly" | "officerHidden" | "admin";
const CALLERS: Caller[] = [
  "anonymous",
  "partnerIcbl",
  "partnerMac",
  "officer",
  "officerReadOnly",
  "officerHidden",
  "admin",
];
type Web = Awaited<ReturnType<typeof callers>>["web"];
type Expected = Record<Caller, string>;
type Outside = Pick<Expected, "officerReadOnly" | "officerHidden">;

/** Acting on a grant outside one's programmes: refused when it can be read, not found when it is hidden. */
const ACT_OUTSIDE: Outside = { officerReadOnly: "FORBIDDEN", officerHidden: "NOT_FOUND" };
/** Reading a grant outside one's programmes. */
const READ_OUTSIDE: Outside = { officerReadOnly: "OK", officerHidden: "NOT_FOUND" };
/** What is not about one grant (one's own notifications, the annual report, the form's choices). */
const NOT_A_GRANT: Outside = { officerReadOnly: "OK", officerHidden: "OK" };

/**
 * Staff-only by default: nobody is UNAUTHORIZED, partners FORBIDDEN (capability checked before any lookup); officers
 * outside the grant's programmes as `outside` says (acting on it, by default).
 */
function expected(
  staff: { officer: string; admin: string },
  partners: Partial<Record<"partnerIcbl" | "partnerMac", string>> = {},
  outside: Outside = ACT_OUTSIDE,
): Expected {
  return {
    anonymous: "UNAUTHORIZED",
    partnerIcbl: "FORBIDDEN",
    partnerMac: "FORBIDDEN",
    ...partners,
    ...outside,
    ...staff,
  };
}
const OFFICERS_ONLY = expected({ officer: "OK", admin: "FORBIDDEN" });
const GRANT_READ = expected({ officer: "OK", admin: "OK" }, {}, READ_OUTSIDE);
const OFFICERS_AND_ADMINS = expected({ officer: "OK", admin: "OK" }, {}, NOT_A_GRANT);
/** Procedures on one's own notifications need no target record. */
const noTarget = () => Promise.resolve("");
/** One's own notifications and settings: anyone signed in. */
const SIGNED_IN = expected({ officer: "OK", admin: "OK" }, { partnerIcbl: "OK", partnerMac: "OK" }, NOT_A_GRANT);
/** Password reset and unsubscribe: the token is the credential, so anyone, signed in or not. */
const ANYONE: Expected = {
  anonymous: "OK",
  partnerIcbl: "OK",
  partnerMac: "OK",
  officer: "OK",
  officerReadOnly: "OK",
  officerHidden: "OK",
  admin: "OK",
};

async function userIdOf(email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user!.id;
}

/** A reset token for officer 2, written as the service writes them (only its hash is stored). */
async function resetToken(): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(passwordResetTokens).values({
    userId: await userIdOf("officer2@example.org"),
    tokenHash: createHash("sha256").update(token).digest("hex"),
    expiresAt: new Date(Date.now() + 10 * 60_000),
  });
  return token;
}

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let allocation: string;
/** Officers of the Mine Monitoring Program only: every grant here draws on a test programme outside theirs. */
const outsideOfficers: Partial<Record<"officerReadOnly" | "officerHidden", Web>> = {};
const web = async (persona: Persona | Caller): Promise<Web> =>
  persona === "officerReadOnly" || persona === "officerHidden"
    ? outsideOfficers[persona]!
    : (await callers(db, persona)).web;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "integration-test-secret-for-signed-links";
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  allocation = await freshAllocation(db, 1_000_000_000_000);
  const [mmp] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "MMP"));
  outsideOfficers.officerReadOnly = callersAs(db, await scopedOfficer(db, [mmp!.id], "read_only")).web;
  outsideOfficers.officerHidden = callersAs(db, await scopedOfficer(db, [mmp!.id], "hidden")).web;
});
afterAll(() => drop());

const active = () => grantIn(db, "active", grantInput(icbl, [allocation]));

async function payment(status: "planned" | "due" | "on_hold"): Promise<string> {
  const grantId = await active();
  const officer2 = await web("officer2");
  const scheduled = await officer2.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 100_000 });
  if (status === "due") await officer2.payments.act({ id: scheduled.id, action: "markDue" });
  if (status === "on_hold") await officer2.payments.act({ id: scheduled.id, action: "hold" });
  return scheduled.id;
}

async function requirement(status: "open" | "submitted"): Promise<string> {
  const grantId = await active();
  const added = await (
    await web("officer2")
  ).requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2099-01-01" });
  if (status === "submitted")
    await (await web("partnerIcbl")).requirements.submit({ requirementId: added.id, body: "Our report." });
  return added.id;
}

/** A pending amendment on a fresh active grant, proposed by `proposer` (the other officer may decide it). */
async function amendment(proposer: "officer" | "officer2"): Promise<string> {
  const grantId = await active();
  const proposed = await (
    await web(proposer)
  ).amendments.propose({ grantId, reason: "Extension.", endsOn: "2003-06-30" });
  return proposed.id;
}

interface Case {
  name: string;
  setup: () => Promise<string>;
  call: (web: Web, target: string) => Promise<unknown>;
  expect: Expected;
}

const transition = (
  action:
    | "submit"
    | "returnToDraft"
    | "approve"
    | "activate"
    | "suspend"
    | "resume"
    | "beginClosing"
    | "close"
    | "cancel"
    | "terminate",
  setup: () => Promise<string>,
  expect: Expected,
): Case => ({
  name: `grants.transition ${action}`,
  setup,
  call: (w, id) => w.grants.transition({ id, action, reason: "Because the test says so." }),
  expect,
});

const then = (step: "suspend" | "beginClosing") => async () => {
  const id = await active();
  await (await web("officer2")).grants.transition({ id, action: step, reason: "Setting up the test." });
  return id;
};

const CASES: Case[] = [
  {
    name: "grants.formOptions",
    setup: () => Promise.resolve(""),
    call: (w) => w.grants.formOptions(),
    expect: expected({ officer: "OK", admin: "FORBIDDEN" }, {}, NOT_A_GRANT),
  },
  {
    name: "grants.create",
    setup: () => Promise.resolve(""),
    call: (w) => w.grants.create(grantInput(icbl, [allocation])),
    // The allocation is outside their programmes, whether or not they see other grants.
    expect: expected(
      { officer: "OK", admin: "FORBIDDEN" },
      {},
      { officerReadOnly: "FORBIDDEN", officerHidden: "FORBIDDEN" },
    ),
  },
  {
    name: "programmeBudgets.mine",
    setup: () => Promise.resolve(""),
    call: (w) => w.programmeBudgets.mine(),
    expect: expected({ officer: "OK", admin: "FORBIDDEN" }, {}, NOT_A_GRANT),
  },
  {
    name: "grants.update",
    setup: () => grantIn(db, "draft", grantInput(icbl, [allocation])),
    call: (w, id) => w.grants.update({ id, version: 1, data: grantInput(icbl, [allocation]) }),
    expect: OFFICERS_ONLY,
  },
  transition("submit", () => grantIn(db, "draft", grantInput(icbl, [allocation])), OFFICERS_ONLY),
  transition("returnToDraft", () => grantIn(db, "submitted", grantInput(icbl, [allocation])), OFFICERS_ONLY),
  // Created by officer2, so the officer is "someone else"; an admin is never one of the four eyes.
  transition("approve", () => grantIn(db, "submitted", grantInput(icbl, [allocation]), "officer2"), OFFICERS_ONLY),
  transition("activate", () => grantIn(db, "approved", grantInput(icbl, [allocation])), OFFICERS_ONLY),
  transition("suspend", active, OFFICERS_ONLY),
  transition("resume", then("suspend"), OFFICERS_ONLY),
  transition("beginClosing", active, OFFICERS_ONLY),
  transition("close", then("beginClosing"), OFFICERS_ONLY),
  transition("cancel", () => grantIn(db, "draft", grantInput(icbl, [allocation])), OFFICERS_ONLY),
  transition("terminate", active, OFFICERS_ONLY),
  {
    name: "grants.auditTrail",
    setup: () => grantIn(db, "draft", grantInput(icbl, [allocation])),
    call: (w, id) => w.grants.auditTrail({ id }),
    expect: GRANT_READ,
  },
  {
    name: "grants.byId",
    setup: active,
    call: (w, id) => w.grants.byId({ id }),
    expect: expected({ officer: "OK", admin: "OK" }, { partnerIcbl: "OK", partnerMac: "NOT_FOUND" }, READ_OUTSIDE),
  },
  {
    name: "attachments.report",
    setup: () => requirement("submitted"),
    call: (w, requirementId) => w.attachments.report({ requirementId }),
    expect: expected({ officer: "OK", admin: "OK" }, { partnerIcbl: "OK", partnerMac: "NOT_FOUND" }, READ_OUTSIDE),
  },
  {
    name: "payments.schedule",
    setup: active,
    call: (w, grantId) => w.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 100_000 }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.act markDue",
    setup: () => payment("planned"),
    call: (w, id) => w.payments.act({ id, action: "markDue" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.act approve",
    setup: () => payment("due"),
    call: (w, id) => w.payments.act({ id, action: "approve" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.act hold",
    setup: () => payment("due"),
    call: (w, id) => w.payments.act({ id, action: "hold" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.act release",
    setup: () => payment("on_hold"),
    call: (w, id) => w.payments.act({ id, action: "release" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.act cancel",
    setup: () => payment("planned"),
    call: (w, id) => w.payments.act({ id, action: "cancel" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.refreshHolds",
    setup: active,
    call: (w, grantId) => w.payments.refreshHolds({ grantId }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "payments.requestUnscheduled",
    setup: active,
    call: (w, grantId) => w.payments.requestUnscheduled({ grantId, amount: 100_000, dueOn: "2002-06-01", reason: "x" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "disbursements.record",
    // The target is "grant id/approved instalment id": every payment pays an instalment a second officer approved.
    setup: async () => {
      const grantId = await active();
      return `${grantId}/${await approvedUnscheduled(db, grantId, 100_000)}`;
    },
    call: (w, target) => {
      const [grantId, scheduledPaymentId] = target.split("/") as [string, string];
      return w.disbursements.record({
        grantId,
        paidOn: "2002-06-01",
        amount: 100_000,
        reference: "EFT-1",
        idempotencyKey: newKey(),
        scheduledPaymentId,
      });
    },
    expect: OFFICERS_ONLY,
  },
  {
    name: "disbursements.reverse",
    setup: async () => {
      const grantId = await active();
      const recorded = await (
        await web("officer2")
      ).disbursements.record({
        grantId,
        paidOn: "2002-06-01",
        amount: 100_000,
        reference: "EFT-2",
        idempotencyKey: newKey(),
        scheduledPaymentId: await approvedUnscheduled(db, grantId, 100_000),
      });
      return recorded.disbursement.id;
    },
    call: (w, disbursementId) =>
      w.disbursements.reverse({
        disbursementId,
        reason: "Paid twice.",
        paidOn: "2002-06-02",
        idempotencyKey: newKey(),
      }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "requirements.add",
    setup: active,
    call: (w, grantId) => w.requirements.add({ grantId, kind: "financial", stage: "final", dueOn: "2099-01-01" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "requirements.submit",
    setup: () => requirement("open"),
    call: (w, requirementId) => w.requirements.submit({ requirementId, body: "Our report." }),
    // The grant's own partner may report; another organisation's partner is told nothing exists.
    expect: expected({ officer: "OK", admin: "FORBIDDEN" }, { partnerIcbl: "OK", partnerMac: "NOT_FOUND" }),
  },
  {
    name: "requirements.review",
    setup: () => requirement("submitted"),
    call: (w, requirementId) => w.requirements.review({ requirementId, decision: "accepted" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "requirements.waive",
    setup: () => requirement("open"),
    call: (w, requirementId) => w.requirements.waive({ requirementId, reason: "Covered by the final report." }),
    expect: OFFICERS_ONLY,
  },
  { name: "notifications.list", setup: noTarget, call: (w) => w.notifications.list({}), expect: SIGNED_IN },
  {
    name: "notifications.unreadCount",
    setup: noTarget,
    call: (w) => w.notifications.unreadCount(),
    expect: SIGNED_IN,
  },
  {
    name: "notifications.markRead",
    setup: noTarget,
    call: (w) => w.notifications.markRead({ all: true }),
    expect: SIGNED_IN,
  },
  { name: "notifications.settings", setup: noTarget, call: (w) => w.notifications.settings(), expect: SIGNED_IN },
  {
    name: "notifications.savePreferences",
    setup: noTarget,
    // Nothing to change: which categories a role may choose is tested in notification-scope.test.ts.
    call: (w) => w.notifications.savePreferences({ preferences: [] }),
    expect: SIGNED_IN,
  },
  {
    name: "notifications.setLocale",
    setup: noTarget,
    call: (w) => w.notifications.setLocale({ locale: "en" }),
    expect: SIGNED_IN,
  },
  {
    name: "publicAccount.requestPasswordReset",
    setup: noTarget,
    call: (w) => w.publicAccount.requestPasswordReset({ email: "nobody-here@example.org" }),
    expect: ANYONE,
  },
  {
    name: "publicAccount.resetPassword",
    setup: resetToken,
    call: (w, token) => w.publicAccount.resetPassword({ token, password: "demo-password-2001" }),
    expect: ANYONE,
  },
  {
    name: "publicAccount.describeUnsubscribe",
    setup: async () =>
      new URL(unsubscribeLink(await userIdOf("partner@mac.example.org"), "budget")).searchParams.get("token")!,
    call: (w, token) => w.publicAccount.describeUnsubscribe({ token }),
    expect: ANYONE,
  },
  {
    name: "publicAccount.unsubscribe",
    setup: async () =>
      new URL(unsubscribeLink(await userIdOf("partner@mac.example.org"), "budget")).searchParams.get("token")!,
    call: (w, token) => w.publicAccount.unsubscribe({ token }),
    expect: ANYONE,
  },
  {
    name: "iati.publish",
    setup: active,
    call: (w, grantId) => w.iati.publish({ grantId }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "iati.grantStatus",
    setup: active,
    call: (w, grantId) => w.iati.grantStatus({ grantId }),
    expect: GRANT_READ,
  },
  {
    name: "amendments.forGrant",
    setup: active,
    call: (w, grantId) => w.amendments.forGrant({ grantId }),
    expect: expected({ officer: "OK", admin: "OK" }, { partnerIcbl: "OK", partnerMac: "NOT_FOUND" }, READ_OUTSIDE),
  },
  {
    name: "amendments.propose",
    setup: active,
    call: (w, grantId) => w.amendments.propose({ grantId, reason: "Extension.", endsOn: "2003-06-30" }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "amendments.approve",
    setup: () => amendment("officer2"),
    call: (w, id) => w.amendments.approve({ id }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "amendments.reject",
    setup: () => amendment("officer2"),
    call: (w, id) => w.amendments.reject({ id, reason: "Not agreed." }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "amendments.withdraw",
    setup: () => amendment("officer"),
    call: (w, id) => w.amendments.withdraw({ id }),
    expect: OFFICERS_ONLY,
  },
  {
    name: "annualReport.byFiscalYear",
    setup: () => Promise.resolve(""),
    call: (w) => w.annualReport.byFiscalYear({ fiscalYear: 2001 }),
    expect: OFFICERS_AND_ADMINS,
  },
];

describe("who may call each ledger procedure", () => {
  for (const testCase of CASES) {
    it.each(CALLERS)(`${testCase.name}: %s`, async (caller) => {
      const target = await testCase.setup();
      expect(await codeOf(testCase.call(await web(caller), target))).toBe(testCase.expect[caller]);
    });
  }
});

describe("grants.byId offers each caller only what they may do", () => {
  it.each<[Caller, string[], string | null]>([
    ["officer", ["approve", "cancel", "returnToDraft"], null],
    ["officerReadOnly", [], "outsideProgrammes"],
    ["admin", [], null],
    ["partnerIcbl", [], null],
  ])("a grant submitted by officer2, seen by %s", async (caller, actions, reason) => {
    const id = await grantIn(db, "submitted", grantInput(icbl, [allocation]), "officer2");
    const grant = await (await web(caller)).grants.byId({ id });
    expect([...grant.availableActions].sort()).toEqual(actions);
    expect(grant.readOnlyReason).toBe(reason);
  });

  it("an officer outside the grant's programmes is offered nothing on it: no payment, report or page action", async () => {
    const grantId = await active();
    const officer2 = await web("officer2");
    const scheduled = await officer2.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 100_000 });
    await officer2.payments.act({ id: scheduled.id, action: "markDue" });
    await officer2.requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn: "2099-01-01" });
    const inScope = await (await web("officer")).grants.byId({ id: grantId });
    const outside = await (await web("officerReadOnly")).grants.byId({ id: grantId });
    // The in-scope officer is offered these, so their absence below is the scope's doing.
    expect(inScope.scheduledPayments[0]!.availableActions).toContain("approve");
    expect(inScope.reportingRequirements[0]!.availableActions.length).toBeGreaterThan(0);
    expect(Object.values(inScope.permissions).filter(Boolean).length).toBeGreaterThan(1);
    expect(outside.scheduledPayments[0]!.availableActions).toEqual([]);
    expect(outside.scheduledPayments[0]!.canPay).toBe(false);
    expect(outside.reportingRequirements[0]!.availableActions).toEqual([]);
    expect(outside.availableActions).toEqual([]);
    const { auditTrail, ...acting } = outside.permissions;
    expect(auditTrail).toBe(true);
    expect(Object.values(acting).every((allowed) => !allowed)).toBe(true);
    expect((await (await web("officerReadOnly")).iati.grantStatus({ grantId })).canPublish).toBe(false);
  });

  it("its creator is not offered approve", async () => {
    const id = await grantIn(db, "submitted", grantInput(icbl, [allocation]), "officer2");
    expect((await (await web("officer2")).grants.byId({ id })).availableActions).not.toContain("approve");
  });
});
