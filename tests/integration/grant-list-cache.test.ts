import type { Actor } from "@portal/api";
import { countGrantListRows, grantListWhere } from "@portal/api/services";
import { type Database, grantListVersion, organisations, programmes, users } from "@portal/db";
import type { GrantListQuery } from "@portal/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callersAs, scopedOfficer } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationIdOf,
  approvedUnscheduled,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// The grant list's total and its filters' choices are kept per scope and filters while grant_list_version is
// unchanged (migration 0021). Every total served here must equal a fresh count computed beside it, after each kind of
// write the triggers are meant to see, and only the actors whose scope the write touches may see a change.

type Filters = Omit<GrantListQuery, "page" | "pageSize" | "sort" | "direction">;

let db: Database;
let drop: () => Promise<void>;
let officer: Actor;
let admin: Actor;
let partnerIcbl: Actor;
let partnerMac: Actor;
/** Manages MMP only and may not read other programmes' grants. */
let mmpHidden: Actor;
let mac: string;
let mappAllocation: string;

const list = (actor: Actor, filters: Filters = {}) => callersAs(db, actor).web.grants.list({ ...filters, pageSize: 5 });
const options = (actor: Actor) => callersAs(db, actor).web.dashboard.grantListOptions();
/** What the count reads today, without the cache. */
const freshCount = (actor: Actor, filters: Filters = {}) => countGrantListRows(db, grantListWhere(actor, filters));
const version = async () => (await db.select().from(grantListVersion))[0]!.version;

/** The total the list serves, twice (the second from the cache), checked against a fresh count. */
async function total(actor: Actor, filters: Filters = {}): Promise<number> {
  const first = (await list(actor, filters)).total;
  const second = (await list(actor, filters)).total;
  expect(second).toBe(first);
  expect(first).toBe(await freshCount(actor, filters));
  return first;
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  officer = (await actorFor(db, "officer"))!;
  admin = (await actorFor(db, "admin"))!;
  partnerIcbl = (await actorFor(db, "partnerIcbl"))!;
  partnerMac = (await actorFor(db, "partnerMac"))!;
  const [mmp] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, "MMP"));
  mmpHidden = await scopedOfficer(db, [mmp!.id], "hidden");
  mac = await organisationIdOf(db, "mac");
  mappAllocation = await allocationIdOf(db, "MAPP", 2002);
});

afterAll(async () => {
  await drop();
});

describe("grant list totals kept per scope and filters", () => {
  it("count a new grant for exactly the actors who may see it, and in the filters it matches", async () => {
    const before = {
      officer: await total(officer),
      admin: await total(admin),
      icbl: await total(partnerIcbl),
      mac: await total(partnerMac),
      hidden: await total(mmpHidden),
      drafts: await total(officer, { status: "draft" }),
      search: await total(officer, { q: "Cache probe" }),
      macOnly: await total(officer, { recipientId: mac }),
    };
    expect(before.search).toBe(0);

    await callersAs(db, officer).web.grants.create(
      grantInput(mac, [mappAllocation], 5_000_000, { titleEn: "Cache probe in Ottawa" }),
    );

    expect(await total(officer)).toBe(before.officer + 1);
    expect(await total(admin)).toBe(before.admin + 1);
    expect(await total(partnerMac)).toBe(before.mac + 1);
    expect(await total(officer, { status: "draft" })).toBe(before.drafts + 1);
    expect(await total(officer, { q: "Cache probe" })).toBe(1);
    expect(await total(officer, { recipientId: mac })).toBe(before.macOnly + 1);
    // A MAPP grant for Mines Action Canada: not the ICBL's, and hidden from an MMP officer without outside access.
    expect(await total(partnerIcbl)).toBe(before.icbl);
    expect(await total(mmpHidden)).toBe(before.hidden);
  });

  it("follow a status change, a new funding line's programme and an officer's access", async () => {
    const drafts = await total(officer, { status: "draft" });
    const submitted = await total(officer, { status: "submitted" });
    const id = await grantIn(db, "submitted", grantInput(mac, [mappAllocation], 2_000_000));
    expect(await total(officer, { status: "draft" })).toBe(drafts);
    expect(await total(officer, { status: "submitted" })).toBe(submitted + 1);
    expect(id).toBeTruthy();

    const hidden = await total(mmpHidden);
    await db.update(users).set({ outsideProgrammeAccess: "read_only" }).where(eq(users.id, mmpHidden.userId));
    expect(await total(mmpHidden)).toBeGreaterThan(hidden);
    expect(await total(mmpHidden)).toBe(await total(admin));
  });

  it("follow an organisation's country in the country filter and in the filters' choices", async () => {
    const inFrance = await total(admin, { countryCode: "FR" });
    const choicesBefore = await options(admin);
    await db.update(organisations).set({ countryCode: "FR" }).where(eq(organisations.id, mac));
    expect(await total(admin, { countryCode: "FR" })).toBeGreaterThan(inFrance);
    const choicesAfter = await options(admin);
    expect(choicesAfter.countries.map((c) => c.code)).toContain("FR");
    expect(choicesAfter).not.toEqual(choicesBefore);
  });

  it("are not recounted for a payment, which changes nothing they read", async () => {
    const grantId = await grantIn(db, "active", grantInput(mac, [mappAllocation], 3_000_000));
    const instalment = await approvedUnscheduled(db, grantId, 100_000);
    const stamp = await version();
    const officerTotal = await total(officer);
    await callersAs(db, officer).web.disbursements.record({
      grantId,
      scheduledPaymentId: instalment,
      amount: 100_000,
      paidOn: "2002-07-15",
      reference: "Cache probe payment",
      idempotencyKey: newKey(),
    });
    expect(await version()).toBe(stamp);
    expect(await total(officer)).toBe(officerTotal);
  });

  it("bump the number once per transaction, at its commit", async () => {
    const stamp = await version();
    await db.transaction(async (tx) => {
      await tx.update(organisations).set({ acronym: "MAC1" }).where(eq(organisations.id, mac));
      await tx.update(organisations).set({ acronym: "MAC2" }).where(eq(organisations.id, mac));
      // Deferred: not yet, even inside the transaction.
      expect((await tx.select().from(grantListVersion))[0]!.version).toBe(stamp);
    });
    expect(await version()).toBe(stamp + 1);
  });
});
