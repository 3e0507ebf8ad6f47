import { type Database, fundingLines, grantComponents, grants } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationIdOf,
  allocationRow,
  approvedUnscheduled,
  auditCount,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  grantRow,
  newKey,
  organisationIdOf,
  refusal,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

describe("creating and editing a draft", () => {
  it("creates a draft with its components and funding lines, committing nothing", async () => {
    const [a, b] = [await freshAllocation(db, 50_000_000), await freshAllocation(db, 50_000_000)];
    const officer = await web("officer");
    const created = await officer.grants.create(grantInput(icbl, [a, b], 30_000_000));
    const grant = await officer.grants.byId({ id: created.id });
    expect(grant.status).toBe("draft");
    expect(grant.components.map((c) => c.amount)).toEqual([22_500_000, 7_500_000]);
    expect(grant.componentsTotal).toBe(30_000_000);
    expect(grant.fundingLines.map((l) => l.amount).sort()).toEqual([15_000_000, 15_000_000]);
    expect(grant.budget).toMatchObject({ committed: 0, disbursed: 0, remaining: 0 });
    expect((await allocationRow(db, a)).committed).toBe(0);
  });

  it("a foreign-currency grant keeps its amount, currency and rate, and is funded in CAD", async () => {
    const alloc = await freshAllocation(db, 100_000_000);
    const input = grantInput(icbl, [alloc], 50_000_000, { currency: "CHF", exchangeRateToCad: "0.92" });
    input.fundingLines = [{ allocationId: alloc, amount: 46_000_000 }];
    const created = await (await web("officer")).grants.create(input);
    expect(created).toMatchObject({
      totalAmount: 50_000_000,
      currency: "CHF",
      exchangeRateToCad: "0.92000000",
      totalAmountCad: 46_000_000,
    });
  });

  it.each<[string, (input: ReturnType<typeof grantInput>) => void, string, string]>([
    [
      "funding lines that do not add up to the CAD total",
      (input) => {
        input.fundingLines[0]!.amount -= 1;
      },
      "FUNDING_DOES_NOT_ADD_UP",
      "fundingLines",
    ],
    [
      "a foreign grant funded at the face amount instead of its CAD equivalent",
      (input) => {
        input.currency = "CHF";
        input.exchangeRateToCad = "0.92";
      },
      "FUNDING_DOES_NOT_ADD_UP",
      "fundingLines",
    ],
    [
      "a recipient that does not exist",
      (input) => {
        input.recipientId = "00000000-0000-4000-8000-000000000000";
      },
      "VALIDATION",
      "recipientId",
    ],
    [
      "an allocation that does not exist",
      (input) => {
        input.fundingLines[0]!.allocationId = "00000000-0000-4000-8000-000000000000";
      },
      "VALIDATION",
      "fundingLines.0.allocationId",
    ],
    [
      "a lead officer who is not an officer",
      (input) => {
        input.leadOfficerId = icbl;
      },
      "VALIDATION",
      "leadOfficerId",
    ],
  ])("refuses %s, naming the field", async (_, change, code, field) => {
    const input = grantInput(icbl, [await freshAllocation(db, 50_000_000)]);
    change(input);
    const before = await auditCount(db);
    expect(await refusal((await web("officer")).grants.create(input))).toMatchObject({ code, field });
    expect(await auditCount(db)).toBe(before);
  });

  it("components that do not add up are a bad request on the components field, not a server error", async () => {
    const input = grantInput(icbl, [await freshAllocation(db, 50_000_000)]);
    input.components[0]!.amount += 1;
    const error = await (await web("officer")).grants.create(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify((error as { cause: unknown }).cause)).toContain("components");
  });

  it("a reference already in use is a CONFLICT on the reference field", async () => {
    const input = grantInput(icbl, [await freshAllocation(db, 50_000_000)]);
    input.reference = "CLF-2001-ICBL";
    expect(await refusal((await web("officer")).grants.create(input))).toMatchObject({
      code: "CONFLICT",
      field: "reference",
    });
  });

  it("two officers saving the same new reference at once: one wins, the other gets CONFLICT on reference", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const first = grantInput(icbl, [alloc]);
    const second = { ...grantInput(icbl, [alloc]), reference: first.reference };
    const [a, b] = await Promise.all([
      codeOf((await web("officer")).grants.create(first)),
      codeOf((await web("officer2")).grants.create(second)),
    ]);
    expect([a, b].sort()).toEqual(["CONFLICT", "OK"]);
  });

  it("edits a draft, replacing its parts and bumping its version; a stale version is a CONFLICT", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const id = await grantIn(db, "draft", grantInput(icbl, [alloc]));
    const officer = await web("officer");
    const data = grantInput(icbl, [alloc], 12_000_000, { titleEn: "Edited" });
    const updated = await officer.grants.update({ id, version: 1, data });
    expect(updated).toMatchObject({ version: 2, titleEn: "Edited", totalAmount: 12_000_000 });
    expect(await db.$count(grantComponents, eq(grantComponents.grantId, id))).toBe(2);
    expect(await db.$count(fundingLines, eq(fundingLines.grantId, id))).toBe(1);
    expect(await refusal(officer.grants.update({ id, version: 1, data }))).toMatchObject({
      code: "CONFLICT",
      field: "version",
    });
  });

  it("only a draft can be edited", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const id = await grantIn(db, "submitted", grantInput(icbl, [alloc]));
    const version = (await grantRow(db, id)).version;
    expect(await codeOf((await web("officer")).grants.update({ id, version, data: grantInput(icbl, [alloc]) }))).toBe(
      "GRANT_NOT_EDITABLE",
    );
  });
});

describe("the grant lifecycle", () => {
  it("approve commits every funding line; cancel from approved gives it all back", async () => {
    const [a, b] = [await freshAllocation(db, 50_000_000), await freshAllocation(db, 50_000_000)];
    const id = await grantIn(db, "approved", grantInput(icbl, [a, b], 30_000_000));
    expect((await allocationRow(db, a)).committed).toBe(15_000_000);
    expect((await allocationRow(db, b)).committed).toBe(15_000_000);
    expect((await grantRow(db, id)).approvedById).toBe((await callers(db, "officer2")).actor!.userId);
    await (await web("officer")).grants.transition({ id, action: "cancel", reason: "Partner withdrew." });
    expect((await allocationRow(db, a)).committed).toBe(0);
    expect((await allocationRow(db, b)).committed).toBe(0);
  });

  it("terminate gives back only the undisbursed part", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const id = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    await (
      await web("officer")
    ).disbursements.record({
      grantId: id,
      paidOn: "2002-06-01",
      amount: 4_000_000,
      reference: "EFT-T",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(db, id, 4_000_000),
    });
    await (await web("officer")).grants.transition({ id, action: "terminate", reason: "Breach of agreement." });
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 4_000_000, disbursed: 4_000_000 });
    const grant = await (await web("officer")).grants.byId({ id });
    expect(grant.budget).toMatchObject({ committed: 4_000_000, disbursed: 4_000_000, remaining: 0 });
  });

  it("ending a grant cancels the instalments still waiting", async () => {
    const id = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const p = await officer.payments.schedule({ grantId: id, dueOn: "2099-01-01", amount: 1_000_000 });
    await officer.grants.transition({ id, action: "terminate", reason: "Project stopped." });
    expect((await officer.grants.byId({ id })).scheduledPayments.find((x) => x.id === p.id)?.status).toBe("cancelled");
  });

  it("refuses an approval that would take an allocation below zero, naming the programme and fiscal year", async () => {
    const alloc = await freshAllocation(db, 10_000_000);
    await grantIn(db, "approved", grantInput(icbl, [alloc], 8_000_000));
    const id = await grantIn(db, "submitted", grantInput(icbl, [alloc], 3_000_000));
    const before = await auditCount(db);
    const refused = await refusal((await web("officer2")).grants.transition({ id, action: "approve" }));
    expect(refused.code).toBe("ALLOCATION_EXCEEDED");
    expect(refused.message).toMatch(
      /^The T\w+ allocation for FY 2002-2003 has \$20,000\.00 available, but this grant needs \$30,000\.00 from it\.$/,
    );
    expect((await grantRow(db, id)).status).toBe("submitted");
    expect((await allocationRow(db, alloc)).committed).toBe(8_000_000);
    expect(await auditCount(db)).toBe(before);
  });

  it("a grant drawn from two allocations is approved whole or not at all", async () => {
    const roomy = await freshAllocation(db, 50_000_000);
    const tight = await freshAllocation(db, 1_000_000);
    const id = await grantIn(db, "submitted", grantInput(icbl, [roomy, tight], 4_000_000));
    expect(await codeOf((await web("officer2")).grants.transition({ id, action: "approve" }))).toBe(
      "ALLOCATION_EXCEEDED",
    );
    expect((await allocationRow(db, roomy)).committed).toBe(0);
  });

  it("the creator cannot approve (four eyes)", async () => {
    const id = await grantIn(db, "submitted", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    expect(await codeOf((await web("officer")).grants.transition({ id, action: "approve" }))).toBe(
      "FOUR_EYES_REQUIRED",
    );
  });

  it.each<
    [string, "draft" | "submitted" | "approved" | "active", "approve" | "activate" | "close" | "submit" | "resume"]
  >([
    ["approve a draft", "draft", "approve"],
    ["activate a submitted grant", "submitted", "activate"],
    ["close an active grant", "active", "close"],
    ["submit an approved grant", "approved", "submit"],
    ["resume an active grant", "active", "resume"],
  ])("cannot %s (INVALID_TRANSITION)", async (_, status, action) => {
    const id = await grantIn(db, status, grantInput(icbl, [await freshAllocation(db, 50_000_000)]), "officer2");
    const refused = await refusal((await web("officer")).grants.transition({ id, action }));
    expect(refused.code).toBe("INVALID_TRANSITION");
    expect(refused.message).toMatch(/^This grant is .+, so it cannot be .+\.$/);
  });

  it.each(["suspend", "cancel", "terminate", "returnToDraft"] as const)("%s needs a reason", async (action) => {
    const id = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    expect(await refusal((await web("officer")).grants.transition({ id, action }))).toMatchObject({
      code: "VALIDATION",
      field: "reason",
    });
  });

  it("a draft saved without components or funding cannot be submitted", async () => {
    const [halo] = await db.select().from(grants).where(eq(grants.reference, "CLF-2002-HALO"));
    expect(await codeOf((await web("officer")).grants.transition({ id: halo!.id, action: "submit" }))).toBe(
      "COMPONENTS_DO_NOT_ADD_UP",
    );
  });

  it("walks the whole happy path: draft to closed, with suspension, one audit event per step", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const id = (await officer.grants.create(grantInput(icbl, [alloc], 5_000_000))).id;
    const steps: [typeof officer, Parameters<typeof officer.grants.transition>[0]["action"], string][] = [
      [officer, "submit", "submitted"],
      [officer2, "approve", "approved"],
      [officer, "activate", "active"],
      [officer, "suspend", "suspended"],
      [officer, "resume", "active"],
      [officer, "beginClosing", "closing"],
      [officer, "close", "closed"],
    ];
    for (const [who, action, status] of steps) {
      const before = await auditCount(db);
      const result = await who.grants.transition({ id, action, reason: "Test step." });
      expect(result.status).toBe(status);
      expect(await auditCount(db)).toBe(before + 1);
    }
    // Closed without paying anything: the whole commitment went back.
    expect((await allocationRow(db, alloc)).committed).toBe(0);
    const trail = await officer.grants.auditTrail({ id });
    expect(trail.map((e) => e.action)).toEqual([
      "grant.close",
      "grant.beginClosing",
      "grant.resume",
      "grant.suspend",
      "grant.activate",
      "grant.approve",
      "grant.submit",
      "grant.create",
    ]);
    expect(trail[0]).toMatchObject({
      entityType: "grant",
      entityId: id,
      actor: { name: "Olivia Officer", role: "officer" },
    });
    expect(trail.find((e) => e.action === "grant.approve")!.after).toMatchObject({ status: "approved" });
  });

  it("the same grant approved twice at once (two tabs): one approval, one refusal, one commitment", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const id = await grantIn(db, "submitted", grantInput(icbl, [alloc], 5_000_000), "officer2");
    const codes = await Promise.all([
      codeOf((await web("officer")).grants.transition({ id, action: "approve" })),
      codeOf((await web("officer")).grants.transition({ id, action: "approve" })),
    ]);
    expect(codes.sort()).toEqual(["INVALID_TRANSITION", "OK"]);
    expect((await allocationRow(db, alloc)).committed).toBe(5_000_000);
  });
});

describe("grants.formOptions", () => {
  it("lists recipients (not the ministry), allocations with what is available, and officers", async () => {
    const options = await (await web("officer")).grants.formOptions();
    const dfait = await organisationIdOf(db, "dfait");
    expect(options.organisations.some((o) => o.acronym === "ICBL")).toBe(true);
    expect(options.organisations.some((o) => o.id === dfait)).toBe(false);
    const mapp2002 = await allocationIdOf(db, "MAPP", 2002);
    expect(options.allocations.find((a) => a.id === mapp2002)).toMatchObject({
      programme: { code: "MAPP" },
      fiscalYear: 2002,
    });
    for (const a of options.allocations) expect(a.available).toBe(a.amount - a.committed);
    expect(options.officers.map((o) => o.name).sort()).toEqual(["Mina Monitor", "Olivia Officer", "Omar Officer"]);
  });
});
