import {
  allocations,
  auditEvents,
  conferences,
  type Database,
  disbursements,
  fiscalYears,
  fundingLines,
  grantComponents,
  grants,
  iatiPublications,
} from "@portal/db";
import {
  activitiesFile,
  buildActivitiesFile,
  buildOrganisationFile,
  conferenceActivityRecords,
  grantActivityRecords,
  iatiRuleProblems,
  publishedActivitiesFile,
  publishedFileResponse,
  publishedOrganisationFile,
  reportingOrganisation,
  reportingOrgRef,
  schemaProblems,
} from "@portal/api/services";
import { fiscalYearBounds, fiscalYearLabel, fiscalYearOf } from "@portal/domain";
import { and, eq, isNotNull, ne, or, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convert } from "xmlbuilder2";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, freshAllocation, grantIn, grantInput, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
});
afterAll(() => drop());

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date());
const officer = async () => (await callers(db, "officer")).web;
const grantIdOf = async (reference: string) =>
  (await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, reference)))[0]!.id;

type XmlNode = Record<string, unknown>;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The transactions the XML states, per activity identifier: [type, iso-date, value in minor units]. */
function transactionsOf(xml: string): Map<string, [string, string, number][]> {
  const doc = convert(xml, { format: "object" }) as XmlNode;
  const root = doc["iati-activities"] as XmlNode;
  const result = new Map<string, [string, string, number][]>();
  for (const activity of list(root["iati-activity"] as XmlNode | XmlNode[])) {
    const id = activity["iati-identifier"] as string;
    const rows = list(activity.transaction as XmlNode | XmlNode[]).map((t): [string, string, number] => {
      const value = t.value as XmlNode;
      return [
        (t["transaction-type"] as XmlNode)["@code"] as string,
        (t["transaction-date"] as XmlNode)["@iso-date"] as string,
        Math.round(Number(value["#"]) * 100),
      ];
    });
    result.set(id, rows);
  }
  return result;
}

describe("IATI 2.03 files from the seeded ledger validate against the official schemas", () => {
  it("one activity per seeded grant (drafts aside) and per funded conference, each valid on its own", async () => {
    const org = await reportingOrganisation(db);
    const [grantRecords, conferenceRecords] = await Promise.all([
      grantActivityRecords(db, org),
      conferenceActivityRecords(db, org),
    ]);
    expect(grantRecords).toHaveLength(await db.$count(grants, ne(grants.status, "draft")));
    expect(conferenceRecords).toHaveLength(
      await db.$count(conferences, or(isNotNull(conferences.grantId), isNotNull(conferences.directCost))),
    );
    expect(conferenceRecords.map((r) => r.localRef)).toContain("warsaw-2001");
    for (const record of [...grantRecords, ...conferenceRecords]) {
      const xml = activitiesFile([record], org, record.lastUpdated);
      expect(await schemaProblems(xml), record.identifier).toEqual([]);
      expect(iatiRuleProblems(record, today()), record.identifier).toEqual([]);
    }
    const icbl = grantRecords.find((r) => r.localRef === "CLF-2001-ICBL")!;
    expect(icbl.identifier).toBe("CA-3-CLF-2001-ICBL");
    expect(icbl.sectors).toEqual([{ code: "15250", vocabulary: "1", percentage: 100 }]);
    // A CHF grant stays in CHF, with its CAD equivalent and rate stated on each transaction.
    const chf = grantRecords.find((r) => r.currency === "CHF")!;
    expect(chf.transactions.every((t) => t.currency === "CHF" && t.description.en.includes("CAD equivalent"))).toBe(
      true,
    );
  });

  it("the portfolio file, a fiscal-year file and the organisation file are valid", async () => {
    const portfolio = await buildActivitiesFile(db, {});
    expect(await schemaProblems(portfolio.xml)).toEqual([]);
    const fy2001 = await buildActivitiesFile(db, { fiscalYear: 2001 });
    expect(await schemaProblems(fy2001.xml)).toEqual([]);
    expect(fy2001.records.map((r) => r.localRef)).toEqual(
      expect.arrayContaining(["CLF-2001-ICBL", "CLF-2001-MAC", "warsaw-2001"]),
    );
    expect(fy2001.records.map((r) => r.localRef)).not.toContain("CLF-2000-ICBL-LM");
    const organisation = await buildOrganisationFile(db, new Date(), { illustrative: true });
    expect(await schemaProblems(organisation, "organisations")).toEqual([]);
    // The total budget of each fiscal year is the sum of that year's allocations.
    const totals = await db
      .select({ year: allocations.fiscalYear, amount: sum(allocations.amount).mapWith(Number) })
      .from(allocations)
      .groupBy(allocations.fiscalYear);
    const doc = convert(organisation, { format: "object" }) as XmlNode;
    const budgets = list(
      ((doc["iati-organisations"] as XmlNode)["iati-organisation"] as XmlNode)["total-budget"] as XmlNode[],
    );
    expect(budgets).toHaveLength(totals.length);
    for (const { year, amount } of totals) {
      const budget = budgets.find((b) => (b["period-start"] as XmlNode)["@iso-date"] === `${year}-04-01`)!;
      expect(Math.round(Number((budget.value as XmlNode)["#"]) * 100), fiscalYearLabel(year)).toBe(amount);
    }
  });

  it("adds up to the ledger: disbursements per grant and fiscal year, commitments per grant", async () => {
    const { xml } = await buildActivitiesFile(db, { conferences: false });
    const stated = transactionsOf(xml);
    const ledger = await db
      .select({
        reference: grants.reference,
        fiscalYear: disbursements.fiscalYear,
        amount: sum(disbursements.amount).mapWith(Number),
      })
      .from(disbursements)
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .groupBy(grants.reference, disbursements.fiscalYear);
    expect(ledger.length).toBeGreaterThan(0);
    for (const row of ledger) {
      const inXml = (stated.get(`CA-3-${row.reference}`) ?? [])
        .filter(([type, date]) => type === "3" && fiscalYearOf(date) === row.fiscalYear)
        .reduce((total, [, , value]) => total + value, 0);
      expect(inXml, `${row.reference} ${fiscalYearLabel(row.fiscalYear)}`).toBe(row.amount);
    }
    const statedYears = [...stated.entries()].flatMap(([id, rows]) =>
      rows.filter(([type]) => type === "3").map(([, date]) => `${id} ${fiscalYearOf(date)}`),
    );
    const ledgerYears = new Set(ledger.map((r) => `CA-3-${r.reference} ${r.fiscalYear}`));
    expect(statedYears.every((key) => ledgerYears.has(key))).toBe(true);
    // ICBL 2001-2002: $484,744 committed and paid in that fiscal year.
    const icbl = stated.get("CA-3-CLF-2001-ICBL")!;
    expect(icbl.filter(([type]) => type === "2").map(([, , value]) => value)).toEqual([48_474_400]);
    const committed = await db
      .select({ reference: grants.reference, total: grants.totalAmount, status: grants.status })
      .from(grants)
      .where(ne(grants.status, "draft"));
    for (const grant of committed.filter((g) => !["submitted", "cancelled"].includes(g.status))) {
      const commitments = (stated.get(`CA-3-${grant.reference}`) ?? []).filter(([type]) => type === "2");
      expect(
        commitments.reduce((t, [, , v]) => t + v, 0),
        grant.reference,
      ).toBe(grant.total);
    }
  });

  it("takes the reporting organisation reference from the configuration, and refuses a malformed one", () => {
    expect(reportingOrgRef(undefined)).toBe("CA-3");
    expect(reportingOrgRef("GB-GOV-1")).toBe("GB-GOV-1");
    expect(() => reportingOrgRef("not a ref")).toThrow(/IATI_REPORTING_ORG_REF/);
  });
});

describe("broken records are caught", () => {
  it("the rules a schema cannot check: percentages, dates, future transactions, currency", async () => {
    const org = await reportingOrganisation(db);
    const [record] = await grantActivityRecords(db, org, { grantIds: [await grantIdOf("CLF-2001-ICBL")] });
    const broken = {
      ...record!,
      sectors: [{ code: "15250", vocabulary: "1", percentage: 60 }],
      dates: [
        { type: "1" as const, isoDate: "2002-03-31" },
        { type: "3" as const, isoDate: "2001-04-01" },
      ],
      transactions: [{ ...record!.transactions[0]!, date: "2999-01-01", currency: "XX" }],
    };
    const rules = iatiRuleProblems(broken, today()).map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(["percentages", "dates", "future-transaction", "currency"]));
    // And the schema: an activity without its status is refused by the XSD.
    const xml = activitiesFile([record!], org, record!.lastUpdated).replace(/<activity-status [^>]*\/>/, "");
    expect((await schemaProblems(xml)).map((p) => p.message.en).join(" ")).toMatch(/activity-status|activity-date/);
  });

  it("each finding has a catalogue sentence in both languages; the schema's keep libxml2's words as detail", async () => {
    const org = await reportingOrganisation(db);
    const [record] = await grantActivityRecords(db, org, { grantIds: [await grantIdOf("CLF-2001-ICBL")] });
    const rules = iatiRuleProblems(
      { ...record!, sectors: [{ code: "15250", vocabulary: "1", percentage: 60 }] },
      today(),
    );
    expect(rules.find((p) => p.key === "sectorPercentages")?.message).toEqual({
      en: "Sector percentages add up to 60, not 100.",
      fr: "Les pourcentages des secteurs totalisent 60, et non 100.",
    });

    const xml = activitiesFile([record!], org, record!.lastUpdated)
      .replace(/<activity-status [^>]*\/>/, "")
      .replace("<iati-activity ", '<iati-activity bogus="1" ')
      .replace(/(<iati-activities[^>]*?) version="[^"]*"/, "$1");
    const findings = await schemaProblems(xml);
    const byKey = (key: string) => findings.find((p) => p.key === key)!;
    expect(findings.every((p) => p.rule === "schema" && p.detail !== undefined)).toBe(true);

    const missing = byKey("schemaAttributeMissing");
    expect(missing.params).toMatchObject({ element: "iati-activities", attribute: "version" });
    expect(missing.message.fr).toMatch(/^Ligne \d+ : il manque à <iati-activities> l'attribut version\.$/);
    expect(missing.message.en).toMatch(/^Line \d+: <iati-activities> needs a version attribute\.$/);
    expect(missing.detail).toBe("Element 'iati-activities': The attribute 'version' is required but missing.");

    expect(byKey("schemaAttributeNotAllowed").message.fr).toMatch(
      /^Ligne \d+ : <iati-activity> ne peut pas avoir d'attribut bogus\.$/,
    );

    // The activity without its status: the element found in its place is not expected; the schema names what it wants.
    const unexpected = byKey("schemaElementNotExpected");
    expect(unexpected.message.fr).toMatch(
      /^Ligne \d+ : <[\w-]+> n'est pas attendu à cet endroit ; le schéma attend .*<activity-status>/,
    );
    expect(unexpected.message.en).toMatch(
      /^Line \d+: <[\w-]+> is not expected here; the schema expects .*<activity-status>/,
    );
    expect(unexpected.detail).toMatch(/This element is not expected/);
    // No finding is the validator's English alone.
    expect(findings.map((p) => p.key)).not.toContain("schemaOther");
  });

  it("a grant whose record would not validate is refused with the problems, and not published", async () => {
    const icbl = await organisationIdOf(db, "icbl");
    const allocation = await freshAllocation(db, 1_000_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
    // A payment dated tomorrow (written past the services, which refuse it) makes a future transaction.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const year = fiscalYearOf(tomorrow);
    await db
      .insert(fiscalYears)
      .values({ startYear: year, label: fiscalYearLabel(year), ...fiscalYearBounds(year) })
      .onConflictDoNothing();
    const [line] = await db.select().from(fundingLines).where(eq(fundingLines.grantId, grantId));
    await db.insert(disbursements).values({
      grantId,
      fundingLineId: line!.id,
      paidOn: tomorrow,
      fiscalYear: year,
      fiscalQuarter: 1,
      amount: 1_000,
      currency: "CAD",
      amountCad: 1_000,
      reference: "EFT-FUTURE",
      idempotencyKey: "future-payment",
    });
    const status = await (await officer()).iati.grantStatus({ grantId });
    expect(status.problems.map((p) => p.rule)).toContain("future-transaction");
    // The grant page's view model has each finding's sentence in both languages, its date written in each.
    const future = status.problems.find((p) => p.key === "transactionInFuture")!;
    expect(future.message.fr).toMatch(/^Une opération est datée du \d{1,2} \S+ \d{4}, dans l'avenir ; /);
    expect(future.message.en).toMatch(/^A transaction is dated \w{3} \d{1,2}, \d{4}, in the future; /);
    const events = () =>
      db.$count(auditEvents, and(eq(auditEvents.entityId, grantId), eq(auditEvents.action, "grant.publish")));
    await expect((await officer()).iati.publish({ grantId })).rejects.toThrow(/in the future/);
    expect(await codeOf((await officer()).iati.publish({ grantId }))).toBe("IATI_INVALID");
    expect(await db.$count(iatiPublications, eq(iatiPublications.grantId, grantId))).toBe(0);
    expect(await events()).toBe(0);
  });
});

describe("publication", () => {
  it("publishes a valid grant (audited), serves it publicly, and keeps illustrative ones out unless asked", async () => {
    const icbl = await grantIdOf("CLF-2001-ICBL");
    const icrc = await grantIdOf("CLF-2002-ICRC");
    // Nothing is published yet: there is no file to serve (the schema wants at least one activity).
    expect(await publishedActivitiesFile(db, { illustrative: false })).toBeNull();
    const published = await (await officer()).iati.publish({ grantId: icbl });
    expect(published.identifier).toBe("CA-3-CLF-2001-ICBL");
    await (await officer()).iati.publish({ grantId: icrc });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, icbl), eq(auditEvents.action, "grant.publish")));
    expect(event?.after).toMatchObject({ identifier: "CA-3-CLF-2001-ICBL", illustrative: false });

    const file = (await publishedActivitiesFile(db, { illustrative: false }))!;
    expect(await schemaProblems(file.body)).toEqual([]);
    expect(file.body).toContain("<iati-identifier>CA-3-CLF-2001-ICBL</iati-identifier>");
    expect(file.body).not.toContain("CA-3-CLF-2002-ICRC");
    const marked = (await publishedActivitiesFile(db, { illustrative: true }))!;
    expect(marked.body).toContain("CA-3-CLF-2002-ICRC");
    expect(marked.body).toContain("ILLUSTRATIVE: demonstration data, not historical fact.");

    // Same data, same bytes: the ETag is stable between requests.
    expect((await publishedActivitiesFile(db, { illustrative: false }))!.etag).toBe(file.etag);

    const overview = await (await callers(db, "admin")).admin.iati.publications();
    const row = overview.rows.find((r) => r.reference === "CLF-2001-ICBL")!;
    expect(row).toMatchObject({ served: true, illustrative: false, problems: [] });
    expect(overview.rows.find((r) => r.reference === "CLF-2002-ICRC")).toMatchObject({ served: false });
    expect(overview.lastChangedAt).not.toBeNull();
  });

  it("answers conditional requests with 304 (ETag or date) and serves the organisation file", async () => {
    const file = (await publishedActivitiesFile(db, { illustrative: false }))!;
    const url = "http://portal.test/api/iati/activities";
    const fresh = publishedFileResponse(new Request(url), file, "activities.xml");
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe(file.etag);
    expect(fresh.headers.get("last-modified")).toBe(file.lastModified.toUTCString());
    expect(fresh.headers.get("cache-control")).toContain("max-age");
    const byTag = publishedFileResponse(
      new Request(url, { headers: { "If-None-Match": file.etag } }),
      file,
      "activities.xml",
    );
    expect(byTag.status).toBe(304);
    const byDate = publishedFileResponse(
      new Request(url, { headers: { "If-Modified-Since": file.lastModified.toUTCString() } }),
      file,
      "activities.xml",
    );
    expect(byDate.status).toBe(304);
    const stale = publishedFileResponse(
      new Request(url, { headers: { "If-None-Match": '"something-else"' } }),
      file,
      "activities.xml",
    );
    expect(stale.status).toBe(200);

    const organisation = await publishedOrganisationFile(db, { illustrative: true });
    expect(await schemaProblems(organisation.body, "organisations")).toEqual([]);
    expect(organisation.body).toContain("<organisation-identifier>CA-3</organisation-identifier>");
  });

  it("a published grant that stops validating is held back from the public file", async () => {
    const grantId = await grantIdOf("CLF-2001-MAC");
    await (await officer()).iati.publish({ grantId });
    expect((await publishedActivitiesFile(db, { illustrative: false }))!.body).toContain("CA-3-CLF-2001-MAC");
    const [line] = await db.select().from(fundingLines).where(eq(fundingLines.grantId, grantId));
    const [fy] = await db
      .select({ year: sql<number>`max(${fiscalYears.startYear})` })
      .from(fiscalYears)
      .where(isNotNull(fiscalYears.startYear));
    await db.insert(disbursements).values({
      grantId,
      fundingLineId: line!.id,
      paidOn: fiscalYearBounds(fy!.year).endsOn > today() ? fiscalYearBounds(fy!.year).endsOn : "2999-03-31",
      fiscalYear: fy!.year,
      fiscalQuarter: 4,
      amount: 100,
      currency: "CAD",
      amountCad: 100,
      reference: "EFT-LATER",
      idempotencyKey: "later-payment",
    });
    expect((await publishedActivitiesFile(db, { illustrative: false }))!.body).not.toContain("CA-3-CLF-2001-MAC");
    const overview = await (await callers(db, "admin")).admin.iati.publications();
    const row = overview.rows.find((r) => r.reference === "CLF-2001-MAC")!;
    expect(row.served).toBe(false);
    expect(row.problems.map((p) => p.en).join(" ")).toMatch(/future/);
    expect(row.problems.map((p) => p.fr).join(" ")).toMatch(/dans l'avenir/);
  });
});

describe("approved amendments", () => {
  it("move the planned end and the budgets with the grant; the commitment is revised by the amended difference", async () => {
    const thisYear = await freshAllocation(db, 50_000_000, 2002);
    const nextYear = await freshAllocation(db, 50_000_000, 2003);
    const grantId = await grantIn(db, "active", grantInput(await organisationIdOf(db, "icbl"), [thisYear], 10_000_000));
    const components = await db
      .select({ id: grantComponents.id, amount: grantComponents.amount })
      .from(grantComponents)
      .where(eq(grantComponents.grantId, grantId))
      .orderBy(grantComponents.position);
    const org = await reportingOrganisation(db);
    const [signed] = await grantActivityRecords(db, org, { grantIds: [grantId] });

    const proposal = await (
      await officer()
    ).amendments.propose({
      grantId,
      reason: "A second year of work, funded from next year's allocation.",
      endsOn: "2004-03-31",
      totalAmount: 12_000_000,
      components: [{ id: components[0]!.id, amount: components[0]!.amount + 2_000_000 }],
      fundingLines: [
        { allocationId: thisYear, amount: 10_000_000 },
        { allocationId: nextYear, amount: 2_000_000 },
      ],
    });
    await (await callers(db, "officer2")).web.amendments.approve({ id: proposal.id });
    const [record] = await grantActivityRecords(db, org, { grantIds: [grantId] });

    expect(record!.dates.find((d) => d.type === "3")?.isoDate).toBe("2004-03-31");
    expect(record!.budgets.map((b) => [b.fiscalYear, b.periodStart, b.periodEnd, b.value])).toEqual([
      [2002, "2002-04-01", "2003-03-31", 10_000_000],
      [2003, "2003-04-01", "2004-03-31", 2_000_000],
    ]);
    // The signed commitment stays as it was, on its date; the amendment adds its $20,000 on the day it was approved.
    const commitments = record!.transactions.filter((t) => t.type === "2");
    expect(commitments.map((t) => [t.date, t.value])).toEqual([
      [signed!.transactions.find((t) => t.type === "2")!.date, 10_000_000],
      [today(), 2_000_000],
    ]);
    expect(commitments[1]!.description.en).toContain("Amendment 1");
    expect(commitments[1]!.description.fr).toContain("Modification 1");
    const xml = activitiesFile([record!], org, record!.lastUpdated);
    expect(await schemaProblems(xml)).toEqual([]);
    expect(iatiRuleProblems(record!, today())).toEqual([]);
    expect(
      transactionsOf(xml)
        .get(record!.identifier)!
        .filter(([type]) => type === "2")
        .map(([, , v]) => v),
    ).toEqual([10_000_000, 2_000_000]);

    // A cut is a negative revision: the commitments still add up to the amended total.
    const cut = await (
      await callers(db, "officer2")
    ).web.amendments.propose({
      grantId,
      reason: "The second year is smaller.",
      totalAmount: 11_000_000,
      components: [{ id: components[0]!.id, amount: components[0]!.amount + 1_000_000 }],
      fundingLines: [
        { allocationId: thisYear, amount: 10_000_000 },
        { allocationId: nextYear, amount: 1_000_000 },
      ],
    });
    await (await officer()).amendments.approve({ id: cut.id });
    const [after] = await grantActivityRecords(db, org, { grantIds: [grantId] });
    expect(after!.transactions.filter((t) => t.type === "2").map((t) => t.value)).toEqual([
      10_000_000, 2_000_000, -1_000_000,
    ]);
    expect(after!.budgets.map((b) => b.value)).toEqual([10_000_000, 1_000_000]);
    expect(await schemaProblems(activitiesFile([after!], org, after!.lastUpdated))).toEqual([]);
  });
});
