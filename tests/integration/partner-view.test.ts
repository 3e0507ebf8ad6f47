import type { Database } from "@portal/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { freshAllocation, grantIn, grantInput, newKey, organisationIdOf } from "./support/ledger-fixtures";

// Partners receive the grant, its money and its reports, not the ministry's bookkeeping: no officer's user id and no
// idempotency key anywhere in grants.byId, while staff still get them.

let db: Database;
let drop: () => Promise<void>;
let grantId: string;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  const icbl = await organisationIdOf(db, "icbl");
  grantId = await grantIn(db, "active", grantInput(icbl, [await freshAllocation(db, 100_000_000)]));
  const { web: officer } = await callers(db, "officer");
  const { web: officer2 } = await callers(db, "officer2");
  const payment = await officer.payments.schedule({ grantId, dueOn: "2002-09-01", amount: 10_000 });
  await officer.payments.act({ id: payment.id, action: "markDue" });
  await officer2.payments.act({ id: payment.id, action: "approve" });
  await officer.disbursements.record({
    grantId,
    paidOn: "2002-06-01",
    amount: 10_000,
    reference: "EFT-P",
    idempotencyKey: newKey(),
    scheduledPaymentId: payment.id,
  });
  const requirement = await officer.requirements.add({
    grantId,
    kind: "narrative",
    stage: "interim",
    dueOn: "2002-12-31",
  });
  await officer.requirements.waive({ requirementId: requirement.id, reason: "Covered by the final report." });
});
afterAll(() => drop());

const STAFF_ONLY = [
  "createdById",
  "approvedById",
  "recordedById",
  "leadOfficerId",
  "waivedById",
  "respondedById",
  "idempotencyKey",
];

function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysIn(item, found);
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      found.add(key);
      keysIn(inner, found);
    }
  }
  return found;
}

it("a partner's grants.byId carries no officer ids and no idempotency keys", async () => {
  const grant = await (await callers(db, "partnerIcbl")).web.grants.byId({ id: grantId });
  const keys = keysIn(grant);
  expect(STAFF_ONLY.filter((key) => keys.has(key))).toEqual([]);
  const officers = await Promise.all(
    ["officer", "officer2"].map(async (p) => (await callers(db, p as "officer")).actor!.userId),
  );
  const text = JSON.stringify(grant);
  for (const id of officers) expect(text).not.toContain(id);
  // What partners need is still there.
  expect(grant.disbursements).toHaveLength(1);
  expect(grant.scheduledPayments[0]).toMatchObject({ status: "paid", amount: 10_000 });
});

it("staff still get them", async () => {
  const grant = await (await callers(db, "officer")).web.grants.byId({ id: grantId });
  expect(grant.createdById).toBeTruthy();
  expect(grant.disbursements[0]!.idempotencyKey).toBeTruthy();
  expect(grant.scheduledPayments[0]!.approvedById).toBeTruthy();
});
