import { adminRouter, webRouter } from "@portal/api";
import { createRouteKit } from "@portal/api/http";
import {
  allocations,
  conferences,
  type Database,
  disbursements,
  emailMessages,
  grants,
  memberships,
  organisationRelations,
  organisations,
  users,
} from "@portal/db";
import { and, eq, notInArray, sql } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { DEMO_PASSWORD } from "@portal/db/seed";
import {
  approvedUnscheduled,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// Hostile input against every procedure of both routers, over the same HTTP layer the apps mount: wrong types,
// missing fields, negative, fractional and huge amounts, megabyte strings, control characters and NUL, impossible
// dates, unknown ids, markup. Expected: no 5xx, every validation refusal names its field, a refused mutation writes
// nothing, and no response carries SQL. A procedure missing from HOSTILE (or listed but gone) fails the first test.

type Router = "web" | "admin";
type Input = Record<string, unknown> | undefined;

interface Fixtures {
  icbl: string;
  mac: string;
  thirdOrganisation: string;
  allocation: string;
  draftGrant: string;
  draftGrantVersion: number;
  activeGrant: string;
  transitionGrant: string;
  payment: string;
  openRequirement: string;
  submittedRequirement: string;
  disbursement: string;
  conference: string;
  conferenceVersion: number;
  relation: string;
  ownMembership: string;
  invitation: string;
  invitationToken: string;
  disposableUser: string;
  /** An approved unscheduled payment of 100 on activeGrant, for disbursements.record to pay. */
  payableInstalment: string;
  /** A programme and allocation of their own, for the budget administration's writes. */
  spareProgramme: string;
  spareAllocation: string;
  outboxMessage: string;
  /** The Mine Monitoring Program's officer (officer scope). */
  mmpOfficer: string;
}

interface Entry {
  /** Who calls: someone the procedure's capability check lets through, so the input itself is what is tested. */
  as: Persona;
  /** A valid input, each of whose fields is then replaced by hostile values one at a time; none for no input. */
  input?: (f: Fixtures) => Input;
}

const grantData = (f: Fixtures) => {
  const { reference: _reference, ...rest } = grantInput(f.icbl, [f.allocation]);
  return { reference: `HOSTILE-${Math.random().toString(36).slice(2, 8).toUpperCase()}`, ...rest };
};
const conferenceData = () => ({
  titleEn: "Hostile seminar",
  titleFr: "Séminaire hostile",
  city: "Ottawa",
  countryCode: "CA",
  startsOn: "2002-06-14",
  endsOn: "2002-06-15",
  documents: [{ title: "Programme", url: "https://example.org/programme.pdf" }],
});
const organisationData = () => ({
  legalNameEn: "Hostile Test Organisation",
  legalNameFr: "Organisation d'essai hostile",
  acronym: "HTO",
  iatiType: 22,
  countryCode: "CA",
  website: "https://example.org",
});

const programmeData = () => ({
  code: `HP-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
  nameEn: "Hostile programme",
  nameFr: "Programme hostile",
  descriptionEn: "For the hostile-input suite.",
  descriptionFr: "Pour la suite d'entrées hostiles.",
});

/**
 * Every procedure of webRouter ("web:...") and adminRouter ("admin:..."). Another helper's new procedure is added
 * here with a persona that may call it and one valid input (or none); the suite derives the hostile variants.
 */
const HOSTILE: Record<string, Entry> = {
  "web:grants.list": {
    as: "officer",
    input: (f) => ({
      q: "landmine",
      fiscalYear: 2002,
      status: "active",
      recipientId: f.icbl,
      countryCode: "CA",
      sort: "amount",
      direction: "desc",
      page: 1,
      pageSize: 25,
    }),
  },
  "web:grants.fiscalYears": { as: "officer" },
  "web:grants.byId": { as: "partnerIcbl", input: (f) => ({ id: f.activeGrant }) },
  "web:grants.formOptions": { as: "officer" },
  "web:grants.create": { as: "officer", input: (f) => grantData(f) },
  "web:grants.update": {
    as: "officer2",
    input: (f) => ({ id: f.draftGrant, version: f.draftGrantVersion, data: grantData(f) }),
  },
  "web:grants.transition": {
    as: "officer",
    input: (f) => ({ id: f.transitionGrant, action: "suspend", reason: "Audit" }),
  },
  "web:grants.auditTrail": { as: "officer", input: (f) => ({ id: f.activeGrant }) },
  "web:payments.schedule": {
    as: "officer",
    input: (f) => ({
      grantId: f.activeGrant,
      dueOn: "2003-01-15",
      amount: 10_000,
      descriptionEn: "Second instalment",
      descriptionFr: "Deuxième versement",
    }),
  },
  "web:payments.act": { as: "officer2", input: (f) => ({ id: f.payment, action: "markDue" }) },
  "web:payments.refreshHolds": { as: "officer", input: (f) => ({ grantId: f.activeGrant }) },
  "web:disbursements.record": {
    as: "officer",
    input: (f) => ({
      grantId: f.activeGrant,
      paidOn: "2002-07-02",
      amount: 100,
      reference: "EFT-0001",
      idempotencyKey: newKey(),
      scheduledPaymentId: f.payableInstalment,
    }),
  },
  "web:disbursements.reverse": {
    as: "officer",
    input: (f) => ({
      disbursementId: f.disbursement,
      reason: "Paid twice",
      paidOn: "2002-07-03",
      idempotencyKey: newKey(),
    }),
  },
  "web:requirements.add": {
    as: "officer",
    input: (f) => ({ grantId: f.activeGrant, kind: "narrative", stage: "interim", dueOn: "2002-12-31" }),
  },
  "web:requirements.submit": {
    as: "partnerIcbl",
    input: (f) => ({ requirementId: f.openRequirement, body: "Our narrative report." }),
  },
  "web:requirements.review": {
    as: "officer",
    input: (f) => ({ requirementId: f.submittedRequirement, decision: "changes_requested", response: "Add figures." }),
  },
  "web:requirements.waive": {
    as: "officer",
    input: (f) => ({ requirementId: f.openRequirement, reason: "Covered by the final report." }),
  },
  "web:dashboard.officer": { as: "officer" },
  "web:dashboard.partner": { as: "partnerIcbl" },
  "web:dashboard.grantListOptions": { as: "officer" },
  "web:dashboard.reports": { as: "officer", input: () => ({ view: "due", page: 1, pageSize: 50 }) },
  "web:attachments.report": { as: "partnerIcbl", input: (f) => ({ requirementId: f.submittedRequirement }) },
  "web:attachments.forGrant": { as: "partnerIcbl", input: (f) => ({ grantId: f.activeGrant }) },
  "web:invitations.create": {
    as: "partnerIcbl",
    input: (f) => ({
      email: "colleague@icbl.example.org",
      name: "A Colleague",
      role: "partner",
      organisationId: f.icbl,
      capabilities: ["view", "submit_reports"],
    }),
  },
  "web:invitations.revoke": { as: "partnerIcbl", input: (f) => ({ invitationId: f.invitation }) },
  "web:invitations.describe": { as: "anonymous", input: (f) => ({ token: f.invitationToken }) },
  "web:invitations.accept": {
    as: "anonymous",
    input: (f) => ({ token: f.invitationToken, name: "New Colleague", password: "a long enough passphrase" }),
  },
  "web:members.list": { as: "partnerIcbl", input: (f) => ({ organisationId: f.icbl }) },
  "web:members.updateCapabilities": {
    as: "partnerIcbl",
    input: (f) => ({ membershipId: f.ownMembership, capabilities: ["view"] }),
  },
  "web:conferences.list": { as: "officer", input: () => ({ q: "Warsaw" }) },
  "web:conferences.byId": { as: "officer", input: (f) => ({ id: f.conference }) },
  "web:conferences.formOptions": { as: "officer" },
  "web:conferences.create": { as: "officer", input: () => conferenceData() },
  "web:conferences.update": {
    as: "officer",
    input: (f) => ({ id: f.conference, version: f.conferenceVersion, data: conferenceData() }),
  },
  "web:conferences.auditTrail": { as: "officer", input: (f) => ({ id: f.conference }) },
  "web:organisations.list": { as: "officer" },
  "web:organisations.mine": { as: "partnerIcbl" },
  "web:organisations.byId": { as: "officer", input: (f) => ({ id: f.icbl }) },
  "web:partnerships.save": {
    as: "officer",
    input: (f) => ({
      organisationId: f.thirdOrganisation,
      kind: "civil_society",
      since: "1998-01-01",
      descriptionEn: "x",
    }),
  },
  "web:partnerships.createLink": {
    as: "officer",
    input: (f) => ({
      fromOrganisationId: f.thirdOrganisation,
      toOrganisationId: f.icbl,
      kind: "member_of",
      noteEn: "n",
    }),
  },
  "web:partnerships.updateLink": {
    as: "officer",
    input: (f) => ({ id: f.relation, kind: "member_of", noteEn: "Founding member", since: "1992-10-01" }),
  },
  "web:partnerships.deleteLink": { as: "officer", input: (f) => ({ id: f.relation }) },
  "web:treaty.tracker": { as: "officer", input: () => ({ on: "2002-03-01" }) },
  "web:treaty.figures": { as: "officer" },
  "web:payments.requestUnscheduled": {
    as: "officer",
    input: (f) => ({ grantId: f.activeGrant, amount: 100, dueOn: "2002-07-15", reason: "Extra workshop" }),
  },
  "web:notifications.list": { as: "officer", input: () => ({ unreadOnly: true, limit: 20 }) },
  "web:notifications.unreadCount": { as: "officer" },
  "web:notifications.markRead": {
    as: "officer",
    input: () => ({ ids: ["00000000-0000-4000-8000-000000000001"], all: false }),
  },
  "web:notifications.settings": { as: "officer" },
  "web:notifications.savePreferences": {
    as: "officer",
    input: () => ({ preferences: [{ category: "reports", delivery: "digest" }] }),
  },
  "web:notifications.setLocale": { as: "officer", input: () => ({ locale: "fr" }) },
  "web:publicAccount.requestPasswordReset": { as: "anonymous", input: () => ({ email: "officer@example.org" }) },
  "web:publicAccount.resetPassword": {
    as: "anonymous",
    input: () => ({ token: "an-unknown-reset-token", password: "a long enough passphrase" }),
  },
  "web:publicAccount.describeUnsubscribe": { as: "anonymous", input: () => ({ token: "an-unknown-token" }) },
  "web:publicAccount.unsubscribe": { as: "anonymous", input: () => ({ token: "an-unknown-token" }) },
  // The seeded database is this file's own: a markup variant that succeeds changes only its copy of the password.
  "web:account.security": { as: "officer" },
  "web:account.changePassword": {
    as: "officer2",
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: "another long passphrase" }),
  },
  "web:account.startTotp": { as: "officer" },
  "web:account.confirmTotp": { as: "officer", input: () => ({ code: "123456" }) },
  "web:account.removeTotp": { as: "officer", input: () => ({ currentPassword: DEMO_PASSWORD }) },
  "web:iati.publish": { as: "officer", input: (f) => ({ grantId: f.activeGrant }) },
  "web:iati.grantStatus": { as: "officer", input: (f) => ({ grantId: f.activeGrant }) },
  "web:programmeBudgets.mine": { as: "officer" },
  "web:annualReport.byFiscalYear": {
    as: "officer",
    input: () => ({ fiscalYear: 2001, reportDate: "2002-11-30", monitorFrom: "2001-05-01", monitorTo: "2002-07-31" }),
  },

  "admin:budgets.overview": { as: "admin", input: () => ({ fiscalYear: 2002 }) },
  "admin:budgets.fiscalYears": { as: "admin" },
  "admin:budgetReview.review": { as: "admin", input: () => ({ fiscalYear: "2002-2003" }) },
  "admin:budgetReview.drilldown": {
    as: "admin",
    input: (f) => ({ fiscalYear: 2002, allocationId: f.allocation, organisationId: f.icbl, period: "2002-Q2" }),
  },
  "admin:organisations.list": { as: "admin", input: () => ({ q: "mine", iatiType: 22, page: 1, pageSize: 25 }) },
  "admin:organisations.byId": { as: "admin", input: (f) => ({ id: f.icbl }) },
  "admin:organisations.formOptions": { as: "admin" },
  "admin:organisations.create": { as: "admin", input: () => organisationData() },
  "admin:organisations.update": { as: "admin", input: (f) => ({ id: f.thirdOrganisation, data: organisationData() }) },
  "admin:users.list": {
    as: "admin",
    input: (f) => ({ q: "example", role: "partner", active: true, organisationId: f.icbl, page: 1, pageSize: 25 }),
  },
  "admin:users.byId": { as: "admin", input: (f) => ({ id: f.disposableUser }) },
  "admin:users.pendingInvitations": { as: "admin" },
  "admin:users.invite": {
    as: "admin",
    input: () => ({ email: "new.officer@example.org", name: "New Officer", role: "officer", capabilities: ["view"] }),
  },
  "admin:users.changeRole": {
    as: "admin",
    input: (f) => ({ userId: f.disposableUser, role: "partner", organisationId: f.mac }),
  },
  "admin:users.setActive": { as: "admin", input: (f) => ({ userId: f.disposableUser, active: true }) },
  "admin:users.saveMembership": {
    as: "admin",
    input: (f) => ({ userId: f.disposableUser, organisationId: f.mac, capabilities: ["view", "submit_reports"] }),
  },
  "admin:users.officerScope": { as: "admin", input: (f) => ({ userId: f.mmpOfficer }) },
  "admin:users.setOfficerScope": {
    as: "admin",
    input: (f) => ({ userId: f.mmpOfficer, programmeIds: [f.spareProgramme], outsideProgrammes: "read_only" }),
  },
  "admin:users.removeMembership": {
    as: "admin",
    input: (f) => ({ userId: f.disposableUser, organisationId: f.icbl }),
  },
  "admin:audit.list": {
    as: "admin",
    input: (f) => ({
      filters: {
        actorId: f.disposableUser,
        action: "grant.create",
        entityType: "grant",
        from: "2001-04-01",
        to: "2002-03-31",
      },
      page: 1,
      pageSize: 50,
    }),
  },
  "admin:audit.filterOptions": { as: "admin" },
  "admin:users.sessions": { as: "admin", input: (f) => ({ userId: f.disposableUser }) },
  "admin:users.endSessions": { as: "admin", input: (f) => ({ userId: f.disposableUser }) },
  "admin:budgetAdministration.overview": { as: "admin" },
  "admin:budgetAdministration.programmeBudget": { as: "admin", input: (f) => ({ programmeId: f.spareProgramme }) },
  "admin:budgetAdministration.createProgramme": {
    as: "admin",
    input: () => ({ ...programmeData(), parentId: null, envelopeAmount: 50_000_000 }),
  },
  "admin:budgetAdministration.updateProgramme": {
    as: "admin",
    input: (f) => ({ id: f.spareProgramme, data: { ...programmeData(), parentId: null, envelopeAmount: null } }),
  },
  "admin:budgetAdministration.openFiscalYear": { as: "admin", input: () => ({ fiscalYear: 2090 }) },
  "admin:budgetAdministration.setAllocation": {
    as: "admin",
    input: (f) => ({ programmeId: f.spareProgramme, fiscalYear: 2002, amount: 2_000_000, reason: "Mid-year top-up" }),
  },
  "admin:budgetAdministration.transfer": {
    as: "admin",
    input: (f) => ({
      fromAllocationId: f.allocation,
      toAllocationId: f.spareAllocation,
      amount: 100,
      reason: "Rebalancing",
    }),
  },
  "admin:jobs.overview": { as: "admin" },
  "admin:jobs.outbox": { as: "admin", input: () => ({ limit: 20 }) },
  "admin:jobs.message": { as: "admin", input: (f) => ({ id: f.outboxMessage }) },
  "admin:account.security": { as: "admin" },
  "admin:account.changePassword": {
    as: "admin",
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: "another long passphrase" }),
  },
  "admin:account.startTotp": { as: "admin" },
  "admin:account.confirmTotp": { as: "admin", input: () => ({ code: "123456" }) },
  // Runs after changePassword has changed the admin's password: the service refuses on currentPassword, the shape
  // checks before it are what this entry exercises.
  "admin:account.removeTotp": { as: "admin", input: () => ({ currentPassword: DEMO_PASSWORD }) },
  // Stays off: the valid input must not make every later approval ask for a second factor.
  "admin:security.settings": { as: "admin" },
  "admin:security.updateSettings": { as: "admin", input: () => ({ approvalsRequireSecondFactor: false }) },
  "admin:iati.publications": { as: "admin" },
};

// ---- the hostile values --------------------------------------------------------------------------------------

const MEGABYTE = "x".repeat(1_000_000);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const WRONG_TYPES: unknown[] = [null, 42, true, {}, []];
const STRINGS: unknown[] = [
  MEGABYTE,
  "a\u0000b",
  "\u0000",
  "bell\u0007",
  "line\u2028break\u001b[31m",
  "\ud800lonely surrogate",
  "<img src=x onerror=alert(1)>",
  "'; drop table grants; --",
  "",
  "   ",
  ...WRONG_TYPES,
];
const DATES: unknown[] = [
  "2200-01-01",
  "1000-01-01",
  "1989-12-31",
  "2101-01-01",
  "2001-02-30",
  "0000-00-00",
  "2002-13-01",
];
const IDS: unknown[] = ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "00000000-0000-0000-0000-000000000000"];
const NUMBERS: unknown[] = [
  -1,
  0,
  0.5,
  -0.01,
  9007199254740991,
  9007199254740993,
  1e300,
  -1e300,
  NaN,
  Infinity,
  "100",
  null,
  {},
];
const BOOLEANS: unknown[] = ["true", 1, null, {}];
const WHOLE_INPUTS: unknown[] = [undefined, null, "x", 42, [], { unexpected: MEGABYTE }];

interface Variant {
  name: string;
  input: unknown;
}

function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = setAt((base as Record<string | number, unknown>)[head!], rest, value);
  return copy;
}

function withoutAt(base: unknown, path: (string | number)[]): unknown {
  if (path.length === 1) {
    const { [path[0]!]: _removed, ...rest } = base as Record<string | number, unknown>;
    return rest;
  }
  const [head, ...rest] = path;
  return setAt(base, [head!], withoutAt((base as Record<string | number, unknown>)[head!], rest));
}

function valuesFor(value: unknown): unknown[] {
  if (typeof value === "string") {
    if (UUID.test(value)) return [...IDS, ...STRINGS.slice(1)];
    if (DATE.test(value)) return [...DATES, ...STRINGS];
    return STRINGS;
  }
  if (typeof value === "number") return NUMBERS;
  if (typeof value === "boolean") return BOOLEANS;
  if (Array.isArray(value))
    return ["x", {}, null, Array.from({ length: 5_000 }, (): unknown => (value as unknown[])[0] ?? "x")];
  return WRONG_TYPES;
}

/** One field at a time: each leaf and each container replaced by every hostile value, and each field left out. */
function variantsOf(base: Input): Variant[] {
  const variants: Variant[] = WHOLE_INPUTS.map((input) => ({ name: `whole input ${show(input)}`, input }));
  if (!base) return variants;
  const walk = (node: unknown, path: (string | number)[]) => {
    for (const [key, value] of Object.entries(node as object)) {
      const here = [...path, Array.isArray(node) ? Number(key) : key];
      const label = here.join(".");
      for (const hostile of valuesFor(value))
        variants.push({ name: `${label} = ${show(hostile)}`, input: setAt(base, here, hostile) });
      variants.push({ name: `${label} missing`, input: withoutAt(base, here) });
      if (value && typeof value === "object") walk(value, here);
    }
  };
  walk(base, []);
  return variants;
}

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string")
    return value.length > 40 ? `"${value.slice(0, 10)}..." (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === "number") return String(value);
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? `${text.slice(0, 20)}... (${text.length} chars)` : text;
}

// ---- calling through the HTTP layer ----------------------------------------------------------------------------

let db: Database;
let drop: () => Promise<void>;
let fixtures: Fixtures;
const ORIGIN = "http://portal.test";

const handlers = new Map<string, (request: Request) => Promise<Response>>();
function handlerFor(router: Router, persona: Persona) {
  const key = `${router}:${persona}`;
  let handler = handlers.get(key);
  if (!handler) {
    handler = createRouteKit({
      audience: router,
      locale: () => "en",
      database: () => db,
      session: async () => {
        const actor = await actorFor(db, persona);
        return actor ? { user: { id: actor.userId, role: actor.role, organisationIds: actor.organisationIds } } : null;
      },
    }).trpc(router === "web" ? webRouter : adminRouter);
    handlers.set(key, handler);
  }
  return handler;
}

interface Outcome {
  status: number;
  text: string;
  error: { code?: string; data?: { code?: string; field?: string | null } } | null;
}

async function call(router: Router, persona: Persona, path: string, type: string, input: unknown): Promise<Outcome> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const request =
    type === "query"
      ? new Request(`${ORIGIN}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(encoded)}`}`, {
          headers: { origin: ORIGIN },
        })
      : new Request(`${ORIGIN}/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN },
          body: encoded,
        });
  const response = await handlerFor(router, persona)(request);
  const text = await response.text();
  let error: Outcome["error"] = null;
  try {
    const body = JSON.parse(text) as { error?: { json?: Outcome["error"] } & { code?: string; field?: string } };
    // tRPC's own error shape, or the HTTP layer's refusals (body caps) in theirs.
    if (body.error) error = body.error.json ?? { code: body.error.code, data: { field: body.error.field ?? null } };
  } catch {
    error = { code: "UNPARSEABLE" };
  }
  return { status: response.status, text, error };
}

/** Row counts of every table: what a refused mutation must leave exactly as it was. */
let countQuery: ReturnType<typeof sql.raw>;
async function rowCounts(): Promise<unknown> {
  const [row] = await db.execute<{ counts: unknown }>(countQuery);
  return row!.counts;
}

const SQL_TEXT =
  /Failed query|\bselect\b[\s\S]{0,200}\bfrom\b|insert into|delete from|update "|\bparams:|\$\d+\b|syntax error|violates|constraint "|relation "/i;

// ---- fixtures ------------------------------------------------------------------------------------------------

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.map((t) => `'${t.table_name}', (select count(*) from "${t.table_name}")`).join(", ");
  countQuery = sql.raw(`select json_build_object(${parts}) as counts`);

  const icbl = await organisationIdOf(db, "icbl");
  const mac = await organisationIdOf(db, "mac");
  const [third] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(notInArray(organisations.id, [icbl, mac]))
    .limit(1);
  const allocation = await freshAllocation(db, 1_000_000_000_000);
  const officer = (await callers(db, "officer")).web;
  const officer2 = (await callers(db, "officer2")).web;
  const partner = (await callers(db, "partnerIcbl")).web;
  const admin = (await callers(db, "admin")).admin;

  const draftGrant = await officer2.grants.create(grantInput(icbl, [allocation]));
  const activeGrant = await grantIn(db, "active", grantInput(icbl, [allocation]));
  const transitionGrant = await grantIn(db, "active", grantInput(icbl, [allocation]));
  const payment = await officer.payments.schedule({ grantId: activeGrant, dueOn: "2002-09-01", amount: 50_000 });
  const openRequirement = await officer.requirements.add({
    grantId: activeGrant,
    kind: "narrative",
    stage: "interim",
    dueOn: "2002-10-01",
  });
  const submitted = await officer.requirements.add({
    grantId: activeGrant,
    kind: "financial",
    stage: "interim",
    dueOn: "2002-10-01",
  });
  await partner.requirements.submit({ requirementId: submitted.id, body: "Figures attached." });
  const paid = await officer.disbursements.record({
    grantId: activeGrant,
    paidOn: "2002-06-01",
    amount: 20_000,
    reference: "EFT-1",
    idempotencyKey: newKey(),
    scheduledPaymentId: await approvedUnscheduled(db, activeGrant, 20_000),
  });
  const payableInstalment = await approvedUnscheduled(db, activeGrant, 100);
  const spareAllocation = await freshAllocation(db, 1_000_000);
  const [spare] = await db
    .select({ programmeId: allocations.programmeId })
    .from(allocations)
    .where(eq(allocations.id, spareAllocation));
  const [message] = await db
    .insert(emailMessages)
    .values({
      dedupKey: `hostile-${newKey()}`,
      toAddress: "officer@example.org",
      locale: "en",
      category: "operations",
      subject: "Kept in the outbox",
      textBody: "A message for the outbox view.",
      htmlBody: "<p>A message for the outbox view.</p>",
      status: "outbox",
    })
    .returning({ id: emailMessages.id });
  const [conference] = await db.select({ id: conferences.id, version: conferences.version }).from(conferences).limit(1);
  const [relation] = await db.select({ id: organisationRelations.id }).from(organisationRelations).limit(1);
  const partnerActor = await actorFor(db, "partnerIcbl");
  const [own] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, partnerActor!.userId), eq(memberships.organisationId, icbl)));
  const invitation = await partner.invitations.create({
    email: "invitee@icbl.example.org",
    role: "partner",
    organisationId: icbl,
  });
  const disposable = await admin.users.invite({
    email: "disposable@icbl.example.org",
    role: "partner",
    organisationId: icbl,
  });
  const accepted = await (
    await callers(db, "anonymous")
  ).web.invitations.accept({
    token: disposable.acceptUrl.split("/").pop()!,
    name: "Disposable Partner",
    password: "a long enough passphrase",
  });
  const [disposableUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, accepted.email));
  const [mmpOfficer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "officer3@example.org"));
  const [draftRow] = await db.select({ version: grants.version }).from(grants).where(eq(grants.id, draftGrant.id));
  const [paidRow] = await db
    .select({ id: disbursements.id })
    .from(disbursements)
    .where(eq(disbursements.id, paid.disbursement.id));

  fixtures = {
    icbl,
    mac,
    thirdOrganisation: third!.id,
    allocation,
    draftGrant: draftGrant.id,
    draftGrantVersion: draftRow!.version,
    activeGrant,
    transitionGrant,
    payment: payment.id,
    openRequirement: openRequirement.id,
    submittedRequirement: submitted.id,
    disbursement: paidRow!.id,
    conference: conference!.id,
    conferenceVersion: conference!.version,
    relation: relation!.id,
    ownMembership: own!.id,
    invitation: invitation.id,
    invitationToken: invitation.acceptUrl.split("/").pop()!,
    disposableUser: disposableUser!.id,
    payableInstalment,
    spareProgramme: spare!.programmeId,
    spareAllocation,
    outboxMessage: message!.id,
    mmpOfficer: mmpOfficer!.id,
  };
}, 180_000);
afterAll(() => drop());

// ---- the suite -------------------------------------------------------------------------------------------------

function proceduresOf(router: Router): [string, string][] {
  const procedures = (router === "web" ? webRouter : adminRouter)._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  return Object.entries(procedures).map(([path, procedure]) => [`${router}:${path}`, procedure._def.type]);
}
const PROCEDURES = [...proceduresOf("web"), ...proceduresOf("admin")];

it("lists every procedure of both routers, and nothing else", () => {
  expect(Object.keys(HOSTILE).sort()).toEqual(PROCEDURES.map(([key]) => key).sort());
});

describe.each(PROCEDURES)("%s (%s)", (key, type) => {
  it("survives hostile input: no 5xx, refusals name their field, refused writes leave no row, no SQL", async () => {
    const entry = HOSTILE[key];
    if (!entry) throw new Error(`${key} has no entry in HOSTILE`);
    const [router, path] = key.split(":") as [Router, string];
    const problems: string[] = [];
    for (const variant of variantsOf(entry.input?.(fixtures))) {
      const before = type === "mutation" ? await rowCounts() : null;
      const outcome = await call(router, entry.as, path, type, variant.input);
      const at = `${variant.name}: ${outcome.status}`;
      if (outcome.status >= 500 || outcome.error?.data?.code === "INTERNAL_SERVER_ERROR")
        problems.push(`${at} server error`);
      if (outcome.error?.code === "UNPARSEABLE") problems.push(`${at} unreadable body`);
      if (outcome.status === 400 || outcome.status === 413) {
        if (!outcome.error?.data?.field) problems.push(`${at} refusal without a field (${outcome.text.slice(0, 200)})`);
      }
      if (outcome.status >= 400 && SQL_TEXT.test(outcome.text))
        problems.push(`${at} SQL in the body: ${outcome.text.slice(0, 300)}`);
      if (before !== null && outcome.status >= 400) {
        const after = await rowCounts();
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${at} refused, but rows changed`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
