import { randomUUID } from "node:crypto";
import { type Database, users } from "@portal/db";
import { hashPassword } from "@portal/domain/password";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { allocationIdOf, codeOf, organisationIdOf } from "./support/ledger-fixtures";

// Every procedure of the admin console's own routers, over the callers that must be refused (nobody, both
// partners, an officer) and the one that must be served (an admin). Mutations aim at throwaway targets, so the
// admin's successful calls change nothing another case relies on.

type Admin = Awaited<ReturnType<typeof callers>>["admin"];
const REFUSED: Record<Exclude<Persona, "admin" | "officer2" | "officer3">, string> = {
  anonymous: "UNAUTHORIZED",
  partnerIcbl: "FORBIDDEN",
  partnerMac: "FORBIDDEN",
  officer: "FORBIDDEN",
};

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
let mapp2001: string;
let macPartnerId: string;
let officer2Id: string;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  mapp2001 = await allocationIdOf(db, "MAPP", 2001);
  const list = await (await callers(db, "admin")).admin.users.list({ q: "example.org", pageSize: 50 });
  macPartnerId = list.rows.find((u) => u.email === "partner@mac.example.org")!.id;
  officer2Id = list.rows.find((u) => u.email === "officer2@example.org")!.id;
});
afterAll(() => drop());

const uniqueEmail = () => `access-${randomUUID().slice(0, 8)}@example.org`;
const orgInput = () => ({
  legalNameEn: `Access test ${randomUUID().slice(0, 6)}`,
  legalNameFr: "Essai d'accès",
  acronym: null,
  iatiType: 22,
  countryCode: "CA",
  website: null,
});

const programmeInput = () => ({
  code: `AT${randomUUID()
    .slice(0, 6)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "X")}`,
  nameEn: "Access test programme",
  nameFr: "Programme d'essai d'accès",
});

const CASES: { name: string; call: (admin: Admin) => Promise<unknown> }[] = [
  { name: "budgetReview.review", call: (a) => a.budgetReview.review({ fiscalYear: 2001 }) },
  { name: "budgetReview.drilldown", call: (a) => a.budgetReview.drilldown({ allocationId: mapp2001 }) },
  { name: "budgetAdministration.overview", call: (a) => a.budgetAdministration.overview() },
  {
    name: "budgetAdministration.programmeBudget",
    call: async (a) => {
      const { programmes } = await (await callers(db, "admin")).admin.budgetAdministration.overview();
      return a.budgetAdministration.programmeBudget({ programmeId: programmes.find((p) => p.code === "CLF")!.id });
    },
  },
  {
    name: "budgetAdministration.createProgramme",
    call: (a) => a.budgetAdministration.createProgramme(programmeInput()),
  },
  {
    name: "budgetAdministration.updateProgramme",
    call: async (a) => {
      const created = await (await callers(db, "admin")).admin.budgetAdministration.createProgramme(programmeInput());
      return a.budgetAdministration.updateProgramme({
        id: created.id,
        data: { ...programmeInput(), code: created.code },
      });
    },
  },
  {
    name: "budgetAdministration.openFiscalYear",
    call: (a) => a.budgetAdministration.openFiscalYear({ fiscalYear: 2040 + Math.floor(Math.random() * 50) }),
  },
  {
    name: "budgetAdministration.setAllocation",
    call: async (a) => {
      const created = await (await callers(db, "admin")).admin.budgetAdministration.createProgramme(programmeInput());
      return a.budgetAdministration.setAllocation({
        programmeId: created.id,
        fiscalYear: 2002,
        amount: 100_000,
        reason: "Access test",
      });
    },
  },
  {
    name: "budgetAdministration.transfer",
    call: async (a) => {
      const admin = (await callers(db, "admin")).admin.budgetAdministration;
      const [from, to] = await Promise.all(
        [0, 1].map(async () => {
          const p = await admin.createProgramme(programmeInput());
          return admin.setAllocation({ programmeId: p.id, fiscalYear: 2002, amount: 100_000, reason: "Access test" });
        }),
      );
      return a.budgetAdministration.transfer({
        fromAllocationId: from!.id,
        toAllocationId: to!.id,
        amount: 1_000,
        reason: "Access test",
      });
    },
  },
  { name: "organisations.list", call: (a) => a.organisations.list({}) },
  { name: "organisations.byId", call: (a) => a.organisations.byId({ id: icbl }) },
  { name: "organisations.formOptions", call: (a) => a.organisations.formOptions() },
  { name: "organisations.create", call: (a) => a.organisations.create(orgInput()) },
  {
    name: "organisations.update",
    call: async (a) => {
      const created = await (await callers(db, "admin")).admin.organisations.create(orgInput());
      return a.organisations.update({ id: created.id, data: orgInput() });
    },
  },
  { name: "users.list", call: (a) => a.users.list({}) },
  { name: "users.byId", call: (a) => a.users.byId({ id: macPartnerId }) },
  { name: "users.pendingInvitations", call: (a) => a.users.pendingInvitations() },
  {
    name: "users.invite",
    call: (a) =>
      a.users.invite({ email: uniqueEmail(), role: "partner", organisationId: icbl, capabilities: ["view"] }),
  },
  // Officer 2 to officer: no change, so the admin's success leaves the account as it was.
  { name: "users.changeRole", call: (a) => a.users.changeRole({ userId: officer2Id, role: "officer" }) },
  { name: "users.setActive", call: (a) => a.users.setActive({ userId: officer2Id, active: true }) },
  {
    name: "users.saveMembership",
    call: (a) =>
      a.users.saveMembership({
        userId: macPartnerId,
        organisationId: mac,
        capabilities: ["view", "submit_reports"],
      }),
  },
  {
    name: "users.removeMembership",
    call: async (a) => {
      const admin = (await callers(db, "admin")).admin;
      await admin.users.saveMembership({ userId: macPartnerId, organisationId: icbl, capabilities: ["view"] });
      return a.users.removeMembership({ userId: macPartnerId, organisationId: icbl });
    },
  },
  { name: "users.officerScope", call: (a) => a.users.officerScope({ userId: officer2Id }) },
  // Officer 2's own scope again (the whole Fund, others read-only): the admin's success changes nothing.
  {
    name: "users.setOfficerScope",
    call: async (a) => {
      const scope = await (await callers(db, "admin")).admin.users.officerScope({ userId: officer2Id });
      return a.users.setOfficerScope({
        userId: officer2Id,
        programmeIds: scope.programmeIds,
        outsideProgrammes: scope.outsideProgrammes,
      });
    },
  },
  { name: "users.sessions", call: (a) => a.users.sessions({ userId: officer2Id }) },
  { name: "users.endSessions", call: (a) => a.users.endSessions({ userId: officer2Id }) },
  { name: "security.settings", call: (a) => a.security.settings() },
  { name: "security.updateSettings", call: (a) => a.security.updateSettings({ approvalsRequireSecondFactor: false }) },
  { name: "account.security", call: (a) => a.account.security() },
  {
    name: "account.changePassword",
    call: async (a) => {
      const changed = await a.account.changePassword({
        currentPassword: "demo-password-2001",
        newPassword: "quartz lantern orbit meadow 2001",
      });
      // Put the demo password back for the other cases.
      await db
        .update(users)
        .set({ passwordHash: await hashPassword("demo-password-2001") })
        .where(eq(users.role, "admin"));
      return changed;
    },
  },
  { name: "account.startTotp", call: (a) => a.account.startTotp() },
  {
    name: "account.confirmTotp",
    call: async (a) => {
      const { secret } = await a.account.startTotp();
      return a.account.confirmTotp({ code: await generate({ secret }) });
    },
  },
  {
    name: "account.removeTotp",
    call: async (a) => {
      const { secret } = await a.account.startTotp().catch(async () => {
        await a.account.removeTotp({ currentPassword: "demo-password-2001" });
        return a.account.startTotp();
      });
      await a.account.confirmTotp({ code: await generate({ secret }) });
      return a.account.removeTotp({ currentPassword: "demo-password-2001" });
    },
  },
  { name: "audit.list", call: (a) => a.audit.list({}) },
  { name: "audit.filterOptions", call: (a) => a.audit.filterOptions() },
  { name: "jobs.overview", call: (a) => a.jobs.overview() },
  { name: "jobs.outbox", call: (a) => a.jobs.outbox({}) },
  {
    name: "jobs.message",
    call: async (a) => {
      const admin = (await callers(db, "admin")).admin;
      await admin.users.invite({ email: uniqueEmail(), role: "officer" }); // its invitation e-mail is in the outbox
      const [latest] = await admin.jobs.outbox({ limit: 1 });
      return a.jobs.message({ id: latest!.id });
    },
  },
  { name: "iati.publications", call: (a) => a.iati.publications() },
];

describe("every admin procedure", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: refuses anonymous, partners and officers; serves an admin`, async () => {
      const outcomes: Record<string, string> = {};
      for (const persona of [...(Object.keys(REFUSED) as (keyof typeof REFUSED)[]), "admin" as const]) {
        outcomes[persona] = await codeOf(testCase.call((await callers(db, persona)).admin));
      }
      expect(outcomes).toEqual({ ...REFUSED, admin: "OK" });
    });
  }

  it("covers every procedure the admin routers mount", async () => {
    const { adminRouter } = await import("@portal/api");
    const mounted = Object.keys(adminRouter._def.procedures).filter((path) => !path.startsWith("budgets."));
    expect(mounted.sort()).toEqual(CASES.map((c) => c.name).sort());
  });
});
