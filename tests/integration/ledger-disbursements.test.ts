import { type Database, disbursements, fiscalYears, fundingLines, scheduledPayments } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  allocationRow,
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
const pay = (grantId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  grantId,
  paidOn: "2002-07-15",
  amount,
  reference: `EFT-${amount}`,
  idempotencyKey: newKey(),
  ...extra,
});

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
});
afterAll(() => drop());

describe("recording disbursements", () => {
  it("records a payment with its fiscal year and quarter, keeping the grant, line and allocation totals in step", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const before = await auditCount(db);
    const { disbursement, replayed } = await (
      await web("officer")
    ).disbursements.record(pay(grantId, 3_000_000, { paidOn: "2003-01-10" }));
    expect(replayed).toBe(false);
    expect(disbursement).toMatchObject({
      amount: 3_000_000,
      amountCad: 3_000_000,
      currency: "CAD",
      fiscalYear: 2002,
      fiscalQuarter: 4,
    });
    expect((await grantRow(db, grantId)).disbursed).toBe(3_000_000);
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 10_000_000, disbursed: 3_000_000 });
    expect(await auditCount(db)).toBe(before + 1);
    const grant = await (await web("officer")).grants.byId({ id: grantId });
    expect(grant.budget).toMatchObject({ committed: 10_000_000, disbursed: 3_000_000, remaining: 7_000_000 });
    expect(grant.fundingLines[0]).toMatchObject({ disbursed: 3_000_000, remaining: 7_000_000 });
  });

  it("refuses more than what remains, saying how much remains (DISBURSEMENT_EXCEEDS_REMAINING on amount)", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)], 48_474_400));
    const officer = await web("officer");
    await officer.disbursements.record(pay(grantId, 48_000_000));
    const before = await auditCount(db);
    const refused = await refusal(officer.disbursements.record(pay(grantId, 500_000)));
    expect(refused).toEqual({
      code: "DISBURSEMENT_EXCEEDS_REMAINING",
      field: "amount",
      message: "This payment of $5,000.00 is more than the $4,744.00 that remains to be paid on this grant.",
    });
    expect(await auditCount(db)).toBe(before);
    expect((await grantRow(db, grantId)).disbursed).toBe(48_000_000);
  });

  it.each(["draft", "submitted", "approved"] as const)(
    "refuses paying a %s grant (GRANT_NOT_DISBURSABLE)",
    async (status) => {
      const grantId = await grantIn(db, status, grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
      expect(await codeOf((await web("officer")).disbursements.record(pay(grantId, 1_000)))).toBe(
        "GRANT_NOT_DISBURSABLE",
      );
    },
  );

  it("refuses paying a suspended grant, and pays a closing one", async () => {
    const officer = await web("officer");
    const suspended = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    await officer.grants.transition({ id: suspended, action: "suspend", reason: "Audit." });
    expect(await codeOf(officer.disbursements.record(pay(suspended, 1_000)))).toBe("GRANT_NOT_DISBURSABLE");
    const closing = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    await officer.grants.transition({ id: closing, action: "beginClosing" });
    expect(await codeOf(officer.disbursements.record(pay(closing, 1_000)))).toBe("OK");
  });

  it("a retry with the same idempotency key returns the first row and records nothing", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const request = pay(grantId, 1_000_000);
    const first = await officer.disbursements.record(request);
    const before = await auditCount(db);
    const again = await officer.disbursements.record(request);
    expect(again).toEqual({ disbursement: first.disbursement, replayed: true });
    expect(await auditCount(db)).toBe(before);
    expect((await grantRow(db, grantId)).disbursed).toBe(1_000_000);
    // The same key for a different payment is not a retry: refused rather than silently answered.
    expect(await refusal(officer.disbursements.record({ ...request, amount: 2_000_000 }))).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      field: "idempotencyKey",
    });
  });

  it("draws on the given funding line, or the first with room in a stable order; FUNDING_LINE_EXCEEDED when none has room", async () => {
    const [a, b] = [await freshAllocation(db, 50_000_000), await freshAllocation(db, 50_000_000)];
    const grantId = await grantIn(db, "active", grantInput(icbl, [a, b], 10_000_000));
    const officer = await web("officer");
    const lines = (await officer.grants.byId({ id: grantId })).fundingLines;
    const [first, second] = lines;
    const onSecond = await officer.disbursements.record(pay(grantId, 4_000_000, { fundingLineId: second!.id }));
    expect(onSecond.disbursement.fundingLineId).toBe(second!.id);
    const automatic = await officer.disbursements.record(pay(grantId, 2_000_000));
    expect(automatic.disbursement.fundingLineId).toBe(first!.id);
    const tooMuch = await refusal(officer.disbursements.record(pay(grantId, 2_000_000, { fundingLineId: second!.id })));
    expect(tooMuch).toMatchObject({ code: "FUNDING_LINE_EXCEEDED", field: "fundingLineId" });
    expect(tooMuch.message).toMatch(/^Only \$10,000\.00 is left on the T\w+ FY 2002-2003 funding line\.$/);
    // 3,000,000 + 1,000,000 left on the two lines: 3,500,000 fits neither.
    expect(await refusal(officer.disbursements.record(pay(grantId, 3_500_000)))).toMatchObject({
      code: "FUNDING_LINE_EXCEEDED",
      field: "amount",
    });
    expect(
      await refusal(
        officer.disbursements.record(pay(grantId, 1_000, { fundingLineId: "00000000-0000-4000-8000-000000000000" })),
      ),
    ).toMatchObject({
      code: "VALIDATION",
      field: "fundingLineId",
    });
  });

  it("a foreign-currency grant keeps its currency; the payment that completes it takes exactly the CAD left", async () => {
    const alloc = await freshAllocation(db, 100_000_000);
    // CHF 10,000.00 at 0.92345678 = CAD 9,234.5678 -> 9,234.57.
    const input = grantInput(icbl, [alloc], 1_000_000, { currency: "CHF", exchangeRateToCad: "0.92345678" });
    input.fundingLines = [{ allocationId: alloc, amount: 923_457 }];
    const grantId = await grantIn(db, "active", input);
    const officer = await web("officer");
    const parts = [333_333, 333_333, 333_334];
    const cad = [];
    for (const amount of parts) cad.push((await officer.disbursements.record(pay(grantId, amount))).disbursement);
    expect(cad.map((d) => d.currency)).toEqual(["CHF", "CHF", "CHF"]);
    // 333,333 x 0.92345678 = 3,078.1862 -> 3,078.19 twice. Converting the last 333,334 the same way would give
    // 3,078.20 and overpay the line by a cent; it takes exactly the 3,078.19 left instead.
    expect(cad.map((d) => d.amountCad)).toEqual([307_819, 307_819, 307_819]);
    const [line] = await db.select().from(fundingLines).where(eq(fundingLines.grantId, grantId));
    expect(line).toMatchObject({ amount: 923_457, disbursed: 923_457 });
    expect((await grantRow(db, grantId)).disbursed).toBe(1_000_000);
    expect((await allocationRow(db, alloc)).disbursed).toBe(923_457);
  });

  it("creates the fiscal year of a payment date nobody has budgeted yet", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const { disbursement } = await (
      await web("officer")
    ).disbursements.record(pay(grantId, 1_000, { paidOn: "2015-05-01" }));
    expect(disbursement).toMatchObject({ fiscalYear: 2015, fiscalQuarter: 1 });
    expect(await db.select().from(fiscalYears).where(eq(fiscalYears.startYear, 2015))).toEqual([
      { startYear: 2015, label: "2015-2016", startsOn: "2015-04-01", endsOn: "2016-03-31" },
    ]);
  });

  it("pays an approved instalment in full, marking it paid; an unapproved or differently sized one is refused", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const p = await officer.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 5_000_000 });
    expect(
      await refusal(officer.disbursements.record(pay(grantId, 5_000_000, { scheduledPaymentId: p.id }))),
    ).toMatchObject({
      code: "PAYMENT_NOT_APPROVED",
      field: "scheduledPaymentId",
    });
    await officer.payments.act({ id: p.id, action: "markDue" });
    await officer2.payments.act({ id: p.id, action: "approve" });
    expect(
      await refusal(officer.disbursements.record(pay(grantId, 4_000_000, { scheduledPaymentId: p.id }))),
    ).toMatchObject({
      code: "VALIDATION",
      field: "amount",
    });
    const { disbursement } = await officer.disbursements.record(pay(grantId, 5_000_000, { scheduledPaymentId: p.id }));
    expect(disbursement.scheduledPaymentId).toBe(p.id);
    const [row] = await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, p.id));
    expect(row!.status).toBe("paid");
  });
});

describe("reversing disbursements", () => {
  it("records a negative entry with the reason; totals go back down; the instalment it paid is payable again", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = await web("officer");
    const p = await officer.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 5_000_000 });
    await officer.payments.act({ id: p.id, action: "markDue" });
    await (await web("officer2")).payments.act({ id: p.id, action: "approve" });
    const paid = await officer.disbursements.record(pay(grantId, 5_000_000, { scheduledPaymentId: p.id }));
    const before = await auditCount(db);
    const request = {
      disbursementId: paid.disbursement.id,
      reason: "Sent to the wrong account.",
      paidOn: "2002-08-01",
      idempotencyKey: newKey(),
    };
    const { disbursement: reversal } = await officer.disbursements.reverse(request);
    expect(reversal).toMatchObject({
      amount: -5_000_000,
      amountCad: -5_000_000,
      reversesId: paid.disbursement.id,
      reason: "Sent to the wrong account.",
    });
    expect(await auditCount(db)).toBe(before + 1);
    expect((await grantRow(db, grantId)).disbursed).toBe(0);
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 10_000_000, disbursed: 0 });
    const [row] = await db.select().from(scheduledPayments).where(eq(scheduledPayments.id, p.id));
    expect(row!.status).toBe("approved");

    // A retry is answered with the same reversal; a second reversal is refused; so is reversing a reversal.
    expect(await officer.disbursements.reverse(request)).toEqual({ disbursement: reversal, replayed: true });
    expect(await refusal(officer.disbursements.reverse({ ...request, idempotencyKey: newKey() }))).toMatchObject({
      code: "ALREADY_REVERSED",
    });
    expect(
      await codeOf(
        officer.disbursements.reverse({ ...request, disbursementId: reversal.id, idempotencyKey: newKey() }),
      ),
    ).toBe("VALIDATION");
    expect(await db.$count(disbursements, eq(disbursements.grantId, grantId))).toBe(2);
  });

  it("reversing a payment of a terminated grant also gives its commitment back", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = await web("officer");
    const paid = await officer.disbursements.record(pay(grantId, 3_000_000));
    await officer.grants.transition({ id: grantId, action: "terminate", reason: "Stopped." });
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 3_000_000, disbursed: 3_000_000 });
    await officer.disbursements.reverse({
      disbursementId: paid.disbursement.id,
      reason: "Refunded.",
      paidOn: "2002-09-01",
      idempotencyKey: newKey(),
    });
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 0, disbursed: 0 });
  });

  it("NOT_FOUND for a disbursement that does not exist", async () => {
    const request = {
      disbursementId: "00000000-0000-4000-8000-000000000000",
      reason: "x",
      paidOn: "2002-08-01",
      idempotencyKey: newKey(),
    };
    expect(await codeOf((await web("officer")).disbursements.reverse(request))).toBe("NOT_FOUND");
  });
});
