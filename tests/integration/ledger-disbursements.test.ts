import { type Database, disbursements, fiscalYears, fundingLines, scheduledPayments } from "@portal/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
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
/** A payment request; without an instalment of its own, one is requested and approved first (four eyes). */
const pay = async (grantId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  grantId,
  paidOn: "2002-07-15",
  amount,
  reference: `EFT-${amount}`,
  idempotencyKey: newKey(),
  ...extra,
  scheduledPaymentId:
    (extra.scheduledPaymentId as string | undefined) ?? (await approvedUnscheduled(db, grantId, amount)),
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
    const request = await pay(grantId, 3_000_000, { paidOn: "2003-01-10" });
    const before = await auditCount(db);
    const { disbursement, replayed } = await (await web("officer")).disbursements.record(request);
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

  it("refuses a payment without an approved instalment behind it (FOUR_EYES_REQUIRED on scheduledPaymentId)", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const before = await auditCount(db);
    const { scheduledPaymentId: _none, ...unscheduled } = await pay(grantId, 1_000_000, {
      scheduledPaymentId: "unused",
    });
    expect(await refusal((await web("officer")).disbursements.record(unscheduled))).toMatchObject({
      code: "FOUR_EYES_REQUIRED",
      field: "scheduledPaymentId",
    });
    expect(await auditCount(db)).toBe(before);
    expect((await grantRow(db, grantId)).disbursed).toBe(0);
  });

  it("an unscheduled payment is requested by one officer, approved by another, then paid; never more than the grant", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)], 48_474_400));
    const officer = await web("officer");
    const officer2 = await web("officer2");
    let before = await auditCount(db);
    const requested = await officer.payments.requestUnscheduled({
      grantId,
      amount: 48_000_000,
      dueOn: "2002-07-15",
      reason: "Advance for the Landmine Monitor printing",
    });
    expect(requested).toMatchObject({ status: "due", descriptionEn: "Advance for the Landmine Monitor printing" });
    expect(await auditCount(db)).toBe(before + 1);
    // The page and the service agree: the requester is told another officer must approve, and is refused.
    const mine = (await officer.grants.byId({ id: grantId })).scheduledPayments[0]!;
    expect(mine).toMatchObject({
      availableActions: ["hold", "cancel"],
      blocked: [{ action: "approve", block: "fourEyes" }],
    });
    expect(await codeOf(officer.payments.act({ id: requested.id, action: "approve" }))).toBe("FOUR_EYES_REQUIRED");
    await officer2.payments.act({ id: requested.id, action: "approve" });
    expect((await officer.grants.byId({ id: grantId })).scheduledPayments[0]).toMatchObject({
      canPay: true,
      blocked: [],
    });
    await officer.disbursements.record(await pay(grantId, 48_000_000, { scheduledPaymentId: requested.id }));

    before = await auditCount(db);
    const refused = await refusal(
      officer.payments.requestUnscheduled({ grantId, amount: 500_000, dueOn: "2002-08-01", reason: "More" }),
    );
    expect(refused).toEqual({
      code: "SCHEDULE_EXCEEDS_TOTAL",
      field: "amount",
      message:
        "The schedule would come to $485,000.00, more than the grant's $484,744.00; at most $4,744.00 can still be scheduled.",
    });
    expect(await auditCount(db)).toBe(before);
    expect((await grantRow(db, grantId)).disbursed).toBe(48_000_000);
  });

  it.each(["draft", "submitted", "approved"] as const)(
    "refuses an unscheduled payment on a %s grant (GRANT_NOT_DISBURSABLE)",
    async (status) => {
      const grantId = await grantIn(db, status, grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
      expect(
        await codeOf(
          (await web("officer")).payments.requestUnscheduled({
            grantId,
            amount: 1_000,
            dueOn: "2002-07-15",
            reason: "x",
          }),
        ),
      ).toBe("GRANT_NOT_DISBURSABLE");
    },
  );

  it("an instalment approved on an approved grant is not paid until the grant is active, and the page says why", async () => {
    const grantId = await grantIn(db, "approved", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const p = await officer.payments.schedule({ grantId, dueOn: "2002-07-15", amount: 1_000_000 });
    await officer.payments.act({ id: p.id, action: "markDue" });
    await (await web("officer2")).payments.act({ id: p.id, action: "approve" });
    expect((await officer.grants.byId({ id: grantId })).scheduledPayments[0]).toMatchObject({
      canPay: false,
      blocked: [{ action: "pay", block: "grantNotDisbursable" }],
    });
    expect(
      await codeOf(officer.disbursements.record(await pay(grantId, 1_000_000, { scheduledPaymentId: p.id }))),
    ).toBe("GRANT_NOT_DISBURSABLE");
    await officer.grants.transition({ id: grantId, action: "activate" });
    expect(
      await codeOf(officer.disbursements.record(await pay(grantId, 1_000_000, { scheduledPaymentId: p.id }))),
    ).toBe("OK");
  });

  it("refuses paying a suspended grant, and pays a closing one", async () => {
    const officer = await web("officer");
    const suspended = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const onSuspended = await pay(suspended, 1_000);
    await officer.grants.transition({ id: suspended, action: "suspend", reason: "Audit." });
    expect(await codeOf(officer.disbursements.record(onSuspended))).toBe("GRANT_NOT_DISBURSABLE");
    const closing = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const onClosing = await pay(closing, 1_000);
    await officer.grants.transition({ id: closing, action: "beginClosing" });
    expect(await codeOf(officer.disbursements.record(onClosing))).toBe("OK");
  });

  it("a retry with the same idempotency key returns the first row and records nothing", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const request = await pay(grantId, 1_000_000);
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
    const onSecond = await officer.disbursements.record(await pay(grantId, 4_000_000, { fundingLineId: second!.id }));
    expect(onSecond.disbursement.fundingLineId).toBe(second!.id);
    const automatic = await officer.disbursements.record(await pay(grantId, 2_000_000));
    expect(automatic.disbursement.fundingLineId).toBe(first!.id);
    const tooMuchId = await approvedUnscheduled(db, grantId, 2_000_000);
    const tooMuch = await refusal(
      officer.disbursements.record(
        await pay(grantId, 2_000_000, { fundingLineId: second!.id, scheduledPaymentId: tooMuchId }),
      ),
    );
    expect(tooMuch).toMatchObject({ code: "FUNDING_LINE_EXCEEDED", field: "fundingLineId" });
    expect(tooMuch.message).toMatch(/^Only \$10,000\.00 is left on the T\w+ FY 2002-2003 funding line\.$/);
    await officer.payments.act({ id: tooMuchId, action: "cancel" });
    // 3,000,000 + 1,000,000 left on the two lines: 3,500,000 fits neither.
    expect(await refusal(officer.disbursements.record(await pay(grantId, 3_500_000)))).toMatchObject({
      code: "FUNDING_LINE_EXCEEDED",
      field: "amount",
    });
    expect(
      await refusal(
        officer.disbursements.record(
          await pay(grantId, 1_000, { fundingLineId: "00000000-0000-4000-8000-000000000000" }),
        ),
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
    for (const amount of parts) cad.push((await officer.disbursements.record(await pay(grantId, amount))).disbursement);
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
    const input = grantInput(icbl, [await freshAllocation(db, 50_000_000)], 10_000_000, {
      startsOn: "2011-04-01",
      endsOn: "2012-03-31",
    });
    const grantId = await grantIn(db, "active", input);
    expect(await db.select().from(fiscalYears).where(eq(fiscalYears.startYear, 2011))).toEqual([]);
    const { disbursement } = await (
      await web("officer")
    ).disbursements.record(await pay(grantId, 1_000, { paidOn: "2011-05-01" }));
    expect(disbursement).toMatchObject({ fiscalYear: 2011, fiscalQuarter: 1 });
    expect(await db.select().from(fiscalYears).where(eq(fiscalYears.startYear, 2011))).toEqual([
      { startYear: 2011, label: "2011-2012", startsOn: "2011-04-01", endsOn: "2012-03-31" },
    ]);
  });

  it("a payment is dated inside the grant's period plus the grace after its end, never in the future (on paidOn)", async () => {
    // The grant runs 2002-04-01 .. 2003-03-31; the default grace is 90 days, so the last payment date is 2003-06-29.
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const instalment = await approvedUnscheduled(db, grantId, 1_000);
    const attempt = async (paidOn: string) =>
      refusal(officer.disbursements.record(await pay(grantId, 1_000, { paidOn, scheduledPaymentId: instalment })));
    const before = await auditCount(db);
    expect(await attempt("2002-03-31")).toEqual({
      code: "PAYMENT_DATE_OUT_OF_RANGE",
      field: "paidOn",
      message: "This grant starts on Apr 1, 2002; a payment cannot be dated before it.",
    });
    expect(await attempt("2003-06-30")).toEqual({
      code: "PAYMENT_DATE_OUT_OF_RANGE",
      field: "paidOn",
      message:
        "This grant ended on Mar 31, 2003; payments may be dated up to Jun 29, 2003 (90 days after its end), not later.",
    });
    expect((await attempt("2099-01-01")).message).toMatch(
      /^A payment cannot be dated in the future \(today is [A-Z][a-z]+\.? \d{1,2}, \d{4}\)\.$/,
    );
    expect(await auditCount(db)).toBe(before);

    // The grace is configurable: with none, the day after the end is refused; with 120 days, 2003-06-30 is accepted.
    process.env.PORTAL_PAYMENT_GRACE_DAYS = "0";
    try {
      expect((await attempt("2003-04-01")).code).toBe("PAYMENT_DATE_OUT_OF_RANGE");
      process.env.PORTAL_PAYMENT_GRACE_DAYS = "120";
      const paid = await officer.disbursements.record(
        await pay(grantId, 1_000, { paidOn: "2003-06-30", scheduledPaymentId: instalment }),
      );
      expect(paid.disbursement).toMatchObject({ paidOn: "2003-06-30", fiscalYear: 2003 });
    } finally {
      delete process.env.PORTAL_PAYMENT_GRACE_DAYS;
    }
  });

  it("pays an approved instalment in full, marking it paid; an unapproved or differently sized one is refused", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const officer2 = await web("officer2");
    const p = await officer.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 5_000_000 });
    expect(
      await refusal(officer.disbursements.record(await pay(grantId, 5_000_000, { scheduledPaymentId: p.id }))),
    ).toMatchObject({
      code: "PAYMENT_NOT_APPROVED",
      field: "scheduledPaymentId",
    });
    await officer.payments.act({ id: p.id, action: "markDue" });
    await officer2.payments.act({ id: p.id, action: "approve" });
    expect(
      await refusal(officer.disbursements.record(await pay(grantId, 4_000_000, { scheduledPaymentId: p.id }))),
    ).toMatchObject({
      code: "VALIDATION",
      field: "amount",
    });
    const { disbursement } = await officer.disbursements.record(
      await pay(grantId, 5_000_000, { scheduledPaymentId: p.id }),
    );
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
    const paid = await officer.disbursements.record(await pay(grantId, 5_000_000, { scheduledPaymentId: p.id }));
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

  it("the grant page offers reversing an entry exactly when the service would reverse it", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = await web("officer");
    const first = await officer.disbursements.record(await pay(grantId, 3_000_000));
    const second = await officer.disbursements.record(await pay(grantId, 2_000_000));
    const reversibleOf = async (persona: Persona) =>
      Object.fromEntries(
        (await (await web(persona)).grants.byId({ id: grantId })).disbursements.map((d) => [d.id, d.reversible]),
      );
    expect(await reversibleOf("officer")).toEqual({ [first.disbursement.id]: true, [second.disbursement.id]: true });
    // Partners read the ledger but never reverse it.
    expect(await reversibleOf("partnerIcbl")).toEqual({
      [first.disbursement.id]: false,
      [second.disbursement.id]: false,
    });

    const { disbursement: reversal } = await officer.disbursements.reverse({
      disbursementId: first.disbursement.id,
      reason: "Duplicate.",
      paidOn: "2002-08-01",
      idempotencyKey: newKey(),
    });
    // Neither the reversed entry (ALREADY_REVERSED) nor the reversal itself (reversal of a reversal) is offered.
    expect(await reversibleOf("officer")).toEqual({
      [first.disbursement.id]: false,
      [second.disbursement.id]: true,
      [reversal.id]: false,
    });
    // What remains to pay (the ceiling recordDisbursement enforces) is the total less what was paid and not given back.
    expect((await officer.grants.byId({ id: grantId })).remainingToPay).toBe(8_000_000);

    await officer.grants.transition({ id: grantId, action: "beginClosing" });
    await officer.grants.transition({ id: grantId, action: "close" });
    expect(Object.values(await reversibleOf("officer"))).toEqual([false, false, false]);
  });

  it("reversing a payment of a terminated grant also gives its commitment back", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = await web("officer");
    const paid = await officer.disbursements.record(await pay(grantId, 3_000_000));
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

  it("reversals follow the grant's status: refused on a closed grant (GRANT_NOT_REVERSIBLE), not offered there", async () => {
    const alloc = await freshAllocation(db, 50_000_000);
    const grantId = await grantIn(db, "active", grantInput(icbl, [alloc], 10_000_000));
    const officer = await web("officer");
    const paid = await officer.disbursements.record(await pay(grantId, 10_000_000));
    expect((await officer.grants.byId({ id: grantId })).permissions).toMatchObject({
      reverseDisbursement: true,
      reversalsClosed: false,
    });
    await officer.grants.transition({ id: grantId, action: "beginClosing" });
    await officer.grants.transition({ id: grantId, action: "close" });
    expect((await officer.grants.byId({ id: grantId })).permissions).toMatchObject({
      reverseDisbursement: false,
      reversalsClosed: true,
    });
    const before = await auditCount(db);
    expect(
      await refusal(
        officer.disbursements.reverse({
          disbursementId: paid.disbursement.id,
          reason: "Too late.",
          paidOn: "2002-09-01",
          idempotencyKey: newKey(),
        }),
      ),
    ).toEqual({
      code: "GRANT_NOT_REVERSIBLE",
      field: null,
      message: "This grant is closed; its payments can no longer be reversed.",
    });
    expect(await auditCount(db)).toBe(before);
    expect(await allocationRow(db, alloc)).toMatchObject({ committed: 10_000_000, disbursed: 10_000_000 });
  });

  it("a reversal is dated between the payment it corrects and today (PAYMENT_DATE_OUT_OF_RANGE on paidOn)", async () => {
    const grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 50_000_000)]));
    const officer = await web("officer");
    const paid = await officer.disbursements.record(await pay(grantId, 1_000_000));
    for (const paidOn of ["2002-07-14", "2099-01-01"]) {
      expect(
        await refusal(
          officer.disbursements.reverse({
            disbursementId: paid.disbursement.id,
            reason: "Wrong account.",
            paidOn,
            idempotencyKey: newKey(),
          }),
        ),
      ).toMatchObject({ code: "PAYMENT_DATE_OUT_OF_RANGE", field: "paidOn" });
    }
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
