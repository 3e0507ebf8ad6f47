import { type Database, grants, organisations, reportingRequirements } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let mac: string;
/** grant id -> recipient organisation id */
const owner = new Map<string, string>();
const ownerByReference = new Map<string, string>();
let otherOrganisations: { id: string; name: string; acronym: string | null }[] = [];

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  mac = await organisationIdOf(db, "mac");
  for (const g of await db.select().from(grants)) {
    owner.set(g.id, g.recipientId);
    ownerByReference.set(g.reference, g.recipientId);
  }
  otherOrganisations = (await db.select().from(organisations)).map((o) => ({
    id: o.id,
    name: o.legalNameEn,
    acronym: o.acronym,
  }));
});
afterAll(() => drop());

const partners: { persona: Persona; org: () => string; other: () => string }[] = [
  { persona: "partnerIcbl", org: () => icbl, other: () => mac },
  { persona: "partnerMac", org: () => mac, other: () => icbl },
];

describe("a partner's list queries and searches never include another organisation's rows", () => {
  for (const p of partners) {
    describe(p.persona, () => {
      it("every search term, filter and sort of the grant list stays within their organisation", async () => {
        const { web } = await callers(db, p.persona);
        const seen = new Set<string>();
        const terms = ["", "ICBL", "Mines Action Canada", "Landmine", "CLF", "Norwegian", "2002", "%", "_"];
        for (const o of otherOrganisations) terms.push(o.acronym ?? o.name);
        for (const q of terms) {
          for (const sort of [
            "reference",
            "recipient",
            "fiscalYear",
            "amount",
            "disbursed",
            "status",
            "endsOn",
          ] as const) {
            const list = await web.grants.list({ q: q || undefined, sort, direction: "desc", pageSize: 200 });
            for (const row of list.rows) {
              seen.add(row.recipient.id);
              expect({ q, sort, recipient: row.recipient.id }).toEqual({ q, sort, recipient: p.org() });
            }
          }
        }
        // Positive control: the searches did return rows (their own), so the checks above ran.
        expect([...seen]).toEqual([p.org()]);
      });

      it("asking for another organisation's grants by partner or country filter finds nothing", async () => {
        const { web } = await callers(db, p.persona);
        expect((await web.grants.list({ recipientId: p.other() })).total).toBe(0);
        const officer = (await callers(db, "officer")).web;
        const othersFound: string[] = [];
        for (const country of ["CH", "CA", "NO", "KH", "FR", "US"]) {
          const list = await web.grants.list({ countryCode: country, pageSize: 200 });
          expect(list.rows.every((row) => row.recipient.id === p.org())).toBe(true);
          const everyone = await officer.grants.list({ countryCode: country, pageSize: 200 });
          othersFound.push(...everyone.rows.map((row) => row.recipient.id).filter((id) => id !== p.org()));
        }
        // Positive control: the same filters do find other organisations' grants, for an officer.
        expect(othersFound.length).toBeGreaterThan(0);
      });

      it("the filter choices offered are their own", async () => {
        const { web } = await callers(db, p.persona);
        const options = await web.dashboard.grantListOptions();
        expect(options.recipients.map((r) => r.id)).toEqual([p.org()]);
        expect(options.countries.length).toBeLessThanOrEqual(1);
      });

      it("the workspace shows their grants, payments and reports only", async () => {
        const { web } = await callers(db, p.persona);
        const workspace = await web.dashboard.partner();
        expect(workspace.organisations.map((o) => o.id)).toEqual([p.org()]);
        expect(workspace.grants.length).toBeGreaterThan(0);
        for (const g of workspace.grants) expect(owner.get(g.id)).toBe(p.org());
        for (const g of workspace.grants) for (const c of g.components) expect(c.grantId).toBe(g.id);
        for (const d of workspace.received.rows) expect(owner.get(d.grantId)).toBe(p.org());
        for (const u of workspace.upcoming.rows) expect(owner.get(u.grantId)).toBe(p.org());
        for (const r of workspace.reports) expect(owner.get(r.grantId)).toBe(p.org());
        // Positive controls: each list checked above has rows.
        expect(workspace.received.rows.length).toBeGreaterThan(0);
        expect(workspace.upcoming.rows.length).toBeGreaterThan(0);
        expect(workspace.reports.length).toBeGreaterThan(0);
      });

      it("every view of the reports list is theirs, and another's report page is not found", async () => {
        const { web } = await callers(db, p.persona);
        let listed = 0;
        for (const view of ["due", "overdue", "review", "done", "all"] as const) {
          const list = await web.dashboard.reports({ view, pageSize: 200 });
          listed += list.rows.length;
          for (const r of list.rows) expect(owner.get(r.grantId)).toBe(p.org());
        }
        expect(listed).toBeGreaterThan(0);
        const others = await db
          .select({ id: reportingRequirements.id, grantId: reportingRequirements.grantId })
          .from(reportingRequirements);
        // Positive control: both answers occur (their own reports open, the others' do not).
        expect(new Set(others.map((r) => owner.get(r.grantId) === p.org()))).toEqual(new Set([true, false]));
        for (const r of others) {
          const expected = owner.get(r.grantId) === p.org() ? "OK" : "NOT_FOUND";
          expect({ r: r.id, code: await codeOf(web.attachments.report({ requirementId: r.id })) }).toEqual({
            r: r.id,
            code: expected,
          });
        }
      });

      it("the members page lists their colleagues only, and another organisation is not found", async () => {
        const { web } = await callers(db, p.persona);
        const members = await web.members.list({});
        expect(members.organisation.id).toBe(p.org());
        expect(await codeOf(web.members.list({ organisationId: p.other() }))).toBe("NOT_FOUND");
      });

      it("the officer dashboard is not for them", async () => {
        const { web } = await callers(db, p.persona);
        expect(await codeOf(web.dashboard.officer())).toBe("FORBIDDEN");
      });
    });
  }
});

describe("who may open what", () => {
  it.each<[Persona, string, string, string]>([
    ["anonymous", "UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"],
    ["officer", "OK", "FORBIDDEN", "FORBIDDEN"],
    ["admin", "OK", "FORBIDDEN", "FORBIDDEN"],
    ["partnerIcbl", "FORBIDDEN", "OK", "OK"],
  ])("%s: officer dashboard %s, partner workspace %s, members %s", async (persona, dash, workspace, members) => {
    const { web } = await callers(db, persona);
    expect(await codeOf(web.dashboard.officer())).toBe(dash);
    expect(await codeOf(web.dashboard.partner())).toBe(workspace);
    expect(await codeOf(web.members.list({}))).toBe(members);
  });
});

describe("the grant list's filters, sorting and paging", () => {
  it("finds ICBL's FY 2001-2002 grant by partner, fiscal year, programme and country", async () => {
    const { web } = await callers(db, "officer");
    const options = await web.dashboard.grantListOptions();
    const mmp = options.programmes.find((p) => p.code === "MMP")!;
    const [icblOrg] = await db.select().from(organisations).where(eq(organisations.id, icbl));
    const list = await web.grants.list({
      recipientId: icbl,
      fiscalYear: "2001-2002",
      programmeId: mmp.id,
      countryCode: icblOrg!.countryCode ?? undefined,
      status: "closed",
    });
    expect(list.rows.map((g) => g.reference)).toEqual(["CLF-2001-ICBL"]);
  });

  it("the country filter matches the recipient organisation's country", async () => {
    const { web } = await callers(db, "officer");
    const options = await web.dashboard.grantListOptions();
    expect(options.countries.length).toBeGreaterThan(0);
    for (const country of options.countries) {
      const list = await web.grants.list({ countryCode: country.code, pageSize: 200 });
      expect(list.total).toBeGreaterThan(0);
      for (const row of list.rows) expect(row.recipient.countryCode).toBe(country.code);
    }
  });

  it("sorts both ways on every column and pages without gaps or repeats", async () => {
    const { web } = await callers(db, "officer");
    const all = await web.grants.list({ pageSize: 200 });
    for (const sort of ["reference", "recipient", "fiscalYear", "amount", "disbursed", "status", "endsOn"] as const) {
      for (const direction of ["asc", "desc"] as const) {
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
          const list = await web.grants.list({ sort, direction, page, pageSize: 3 });
          seen.push(...list.rows.map((r) => r.id));
        }
        expect(new Set(seen).size).toBe(all.total);
      }
    }
    const byAmount = await web.grants.list({ sort: "amount", direction: "desc", pageSize: 200 });
    // Amounts sort by their CAD equivalent, so compare the CAD grants among themselves.
    const amounts = byAmount.rows.filter((r) => r.currency === "CAD").map((r) => r.totalAmount);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });
});
