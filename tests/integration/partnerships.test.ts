import { auditEvents, type Database, organisationRelations, organisations, partnerships } from "@portal/db";
import { type TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { auditCount, codeOf, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
const web = async (persona: Persona) => (await callers(db, persona)).web;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  for (const slug of ["icbl", "mac", "ymaap", "dfait", "canadian-red-cross", "lsn"])
    ids[slug] = await organisationIdOf(db, slug);
});
afterAll(() => drop());

describe("who may open which organisation's page", () => {
  // Scoping in the service: a partner asking for another organisation's page gets NOT_FOUND (a real 404).
  const table: { persona: Persona; mac: string; icbl: string; list: "all" | "mac" | "icbl" | "UNAUTHORIZED" }[] = [
    { persona: "anonymous", mac: "UNAUTHORIZED", icbl: "UNAUTHORIZED", list: "UNAUTHORIZED" },
    { persona: "partnerMac", mac: "OK", icbl: "NOT_FOUND", list: "mac" },
    { persona: "partnerIcbl", mac: "NOT_FOUND", icbl: "OK", list: "icbl" },
    { persona: "officer", mac: "OK", icbl: "OK", list: "all" },
    { persona: "admin", mac: "OK", icbl: "OK", list: "all" },
  ];
  for (const row of table) {
    it(`${row.persona}: MAC ${row.mac}, ICBL ${row.icbl}, list ${row.list}`, async () => {
      const api = await web(row.persona);
      expect(await codeOf(api.organisations.byId({ id: ids.mac! }))).toBe(row.mac);
      expect(await codeOf(api.organisations.byId({ id: ids.icbl! }))).toBe(row.icbl);
      if (row.list === "UNAUTHORIZED") {
        expect(await codeOf(api.organisations.list())).toBe("UNAUTHORIZED");
        return;
      }
      const list = await api.organisations.list();
      if (row.list === "all") expect(list).toHaveLength(await db.$count(organisations));
      else expect(list.map((o) => o.id)).toEqual([ids[row.list]]);
      const mine = await api.organisations.mine();
      expect(mine.map((o) => o.id)).toEqual(row.list === "all" ? [] : [ids[row.list]]);
    });
  }

  it("a malformed id is a bad request naming the field", async () => {
    const error = await (await web("officer")).organisations.byId({ id: "mac" }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain("id");
  });
});

describe("an organisation's page", () => {
  it("shows MAC's coalition links: member of the ICBL and on its Coordination Committee, running YMAAP", async () => {
    const page = await (await web("partnerMac")).organisations.byId({ id: ids.mac! });
    const outgoing = page.links.outgoing.map((l) => `${l.kind} ${l.other.acronym}`);
    expect(outgoing).toEqual(
      expect.arrayContaining(["member_of ICBL", "coordination_committee_member_of ICBL", "runs YMAAP"]),
    );
    expect(page.partnership).toMatchObject({ kind: "civil_society", provenance: "source-document" });
    // The partner sees the names at the other end of a link, but may not open those pages.
    expect(page.permissions).toEqual({ managePartnership: false, openLinkedOrganisations: false });
  });

  it("shows the links in the other direction: the ICBL's members, and YMAAP run by MAC with DFAIT and the Red Cross", async () => {
    const officer = await web("officer");
    const icbl = await officer.organisations.byId({ id: ids.icbl! });
    expect(icbl.links.incoming.filter((l) => l.kind === "member_of").map((l) => l.other.acronym)).toEqual(["MAC"]);
    const ymaap = await officer.organisations.byId({ id: ids.ymaap! });
    expect(
      ymaap.links.incoming
        .filter((l) => l.kind === "runs")
        .map((l) => l.other.acronym)
        .sort(),
    ).toEqual(["CRC", "DFAIT", "MAC"]);
    // The page lists both directions as one: YMAAP's own links first, then those to it, each saying which it is.
    expect(ymaap.links.all.map((l) => `${l.direction} ${l.kind} ${l.other.acronym}`)).toEqual([
      ...ymaap.links.outgoing.map((l) => `outgoing ${l.kind} ${l.other.acronym}`),
      ...ymaap.links.incoming.map((l) => `incoming ${l.kind} ${l.other.acronym}`),
    ]);
    expect(ymaap.links.all.filter((l) => l.direction === "incoming")).toHaveLength(ymaap.links.incoming.length);
    expect(icbl.iatiTypeName).toBe("international-ngo");
  });

  it("sums each fiscal year's funding from the grants' funding lines", async () => {
    const officer = await web("officer");
    const icbl = await officer.organisations.byId({ id: ids.icbl! });
    expect(icbl.fundingByFiscalYear.find((y) => y.fiscalYear === 2001)).toMatchObject({
      amount: 48_474_400,
      grants: 1,
    });
    const mac = await officer.organisations.byId({ id: ids.mac! });
    expect(mac.fundingByFiscalYear.find((y) => y.fiscalYear === 2001)).toMatchObject({ amount: 31_740_000 });
    expect(mac.fundingTotal.amount).toBe(mac.fundingByFiscalYear.reduce((sum, y) => sum + y.amount, 0));
    expect(mac.grants.length).toBeGreaterThan(0);
  });

  it("lists the conferences the organisation took part in, for its own partner too", async () => {
    for (const persona of ["partnerMac", "officer"] as const) {
      const page = await (await web(persona)).organisations.byId({ id: ids.mac! });
      expect(page.conferences.map((c) => c.titleEn)).toEqual([
        expect.stringContaining("Eastern Europe and the Baltic states"),
      ]);
      expect(page.conferences[0]).toMatchObject({ startsOn: "2001-06-14", role: "participant" });
    }
  });
});

describe("officers keep partnerships and links, audited", () => {
  async function events(entityType: string, entityId: string) {
    return db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)));
  }

  it("edits a partnership, recording before and after", async () => {
    const count = await auditCount(db);
    const saved = await (
      await web("officer")
    ).partnerships.save({
      organisationId: ids.lsn!,
      kind: "civil_society",
      since: "2001-12-03",
      descriptionEn: "Raising the Voices.",
      descriptionFr: "Faire entendre les voix.",
    });
    expect(await auditCount(db)).toBe(count + 1);
    const [event] = await events("partnership", saved.id);
    expect(event).toMatchObject({ action: "partnership.update", actorRole: "officer" });
    expect(event!.before).toMatchObject({ since: null });
    expect(event!.after).toMatchObject({ since: "2001-12-03", descriptionFr: "Faire entendre les voix." });
  });

  it("creates a partnership for an organisation that has none", async () => {
    const [org] = await db
      .insert(organisations)
      .values({ slug: "test-org", legalNameEn: "Test", legalNameFr: "Essai", iatiType: 22 })
      .returning();
    const saved = await (await web("officer")).partnerships.save({ organisationId: org!.id, kind: "state" });
    expect(saved).toMatchObject({ kind: "state", provenance: "entered", since: null });
    expect((await events("partnership", saved.id)).map((e) => e.action)).toEqual(["partnership.create"]);
  });

  it("refuses a partnership of the ministry with itself, and a partner's or unknown organisation's", async () => {
    const officer = await web("officer");
    const error = await officer.partnerships
      .save({ organisationId: ids.dfait!, kind: "state" })
      .catch((e: unknown) => e);
    expect((error as TRPCError).cause).toMatchObject({ code: "VALIDATION", field: "organisationId" });
    expect(await codeOf((await web("partnerMac")).partnerships.save({ organisationId: ids.mac!, kind: "state" }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        officer.partnerships.save({ organisationId: "00000000-0000-4000-8000-000000000000", kind: "state" }),
      ),
    ).toBe("NOT_FOUND");
    const bad = await officer.partnerships
      .save({ organisationId: ids.mac!, kind: "friend" as "state" })
      .catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect((bad as TRPCError).message).toContain("kind");
  });

  it("adds, edits and removes a link, one audit event each", async () => {
    const officer = await web("officer");
    const count = await auditCount(db);
    const link = await officer.partnerships.createLink({
      fromOrganisationId: ids.lsn!,
      toOrganisationId: ids.icbl!,
      kind: "member_of",
      noteEn: "Founding member.",
      noteFr: "Membre fondateur.",
    });
    const icbl = await officer.organisations.byId({ id: ids.icbl! });
    expect(icbl.links.incoming.map((l) => `${l.kind} ${l.other.acronym}`)).toContain("member_of LSN");
    await officer.partnerships.updateLink({
      id: link.id,
      kind: "coordination_committee_member_of",
      since: "1998-01-01",
    });
    await officer.partnerships.deleteLink({ id: link.id });
    expect(await auditCount(db)).toBe(count + 3);
    expect((await events("organisation_relation", link.id)).map((e) => e.action).sort()).toEqual([
      "organisation_relation.create",
      "organisation_relation.delete",
      "organisation_relation.update",
    ]);
    expect(await db.$count(organisationRelations, eq(organisationRelations.id, link.id))).toBe(0);
  });

  it("refuses a duplicate link, a link to itself, and partners", async () => {
    const officer = await web("officer");
    const count = await auditCount(db);
    const duplicate = await officer.partnerships
      .createLink({ fromOrganisationId: ids.mac!, toOrganisationId: ids.icbl!, kind: "member_of" })
      .catch((e: unknown) => e);
    expect((duplicate as TRPCError).cause).toMatchObject({ code: "CONFLICT", field: "kind" });
    const self = await officer.partnerships
      .createLink({ fromOrganisationId: ids.mac!, toOrganisationId: ids.mac!, kind: "member_of" })
      .catch((e: unknown) => e);
    expect((self as TRPCError).code).toBe("BAD_REQUEST");
    expect((self as TRPCError).message).toContain("toOrganisationId");
    expect(
      await codeOf(
        (await web("partnerMac")).partnerships.createLink({
          fromOrganisationId: ids.mac!,
          toOrganisationId: ids.lsn!,
          kind: "member_of",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await auditCount(db)).toBe(count);
    expect(await db.$count(partnerships)).toBeGreaterThan(0);
  });
});
