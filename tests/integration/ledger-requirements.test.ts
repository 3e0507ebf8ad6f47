import { type Database, memberships, reportSubmissions, users } from "@portal/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  auditCount,
  codeOf,
  freshAllocation,
  grantIn,
  grantInput,
  organisationIdOf,
  refusal,
} from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let icbl: string;
let allocation: string;
const web = async (persona: Persona) => (await callers(db, persona)).web;

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  icbl = await organisationIdOf(db, "icbl");
  allocation = await freshAllocation(db, 1_000_000_000_000);
});
afterAll(() => drop());

async function openRequirement(dueOn = "2099-01-01") {
  const grantId = await grantIn(db, "active", grantInput(icbl, [allocation]));
  const requirement = await (
    await web("officer")
  ).requirements.add({ grantId, kind: "narrative", stage: "interim", dueOn });
  return { grantId, requirementId: requirement.id };
}

describe("reporting requirements", () => {
  it("open -> submitted -> changes requested -> resubmitted -> accepted, each step one audit event", async () => {
    const { grantId, requirementId } = await openRequirement();
    const partner = await web("partnerIcbl");
    const officer = await web("officer");
    const steps: [() => Promise<{ status: string }>, string][] = [
      [() => partner.requirements.submit({ requirementId, body: "First draft." }), "submitted"],
      [
        () =>
          officer.requirements.review({
            requirementId,
            decision: "changes_requested",
            response: "Add the figures by province.",
          }),
        "changes_requested",
      ],
      [() => partner.requirements.submit({ requirementId, body: "With the figures." }), "resubmitted"],
      [() => officer.requirements.review({ requirementId, decision: "accepted" }), "accepted"],
    ];
    for (const [step, status] of steps) {
      const before = await auditCount(db);
      expect((await step()).status).toBe(status);
      expect(await auditCount(db)).toBe(before + 1);
    }
    const submissions = await db
      .select()
      .from(reportSubmissions)
      .where(eq(reportSubmissions.requirementId, requirementId))
      .orderBy(reportSubmissions.submittedAt);
    expect(submissions.map((s) => [s.body, s.decision, s.response])).toEqual([
      ["First draft.", "changes_requested", "Add the figures by province."],
      ["With the figures.", "accepted", null],
    ]);
    // The partner sees the officer's response on the grant page.
    const seen = await partner.grants.byId({ id: grantId });
    expect(seen.reportingRequirements[0]!.submissions.map((s) => s.response)).toEqual([
      "Add the figures by province.",
      null,
    ]);
    expect(await codeOf(partner.requirements.submit({ requirementId, body: "Again." }))).toBe("INVALID_TRANSITION");
  });

  it("asking for changes needs a response", async () => {
    const { requirementId } = await openRequirement();
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Report." });
    const error = await (
      await web("officer")
    ).requirements
      .review({ requirementId, decision: "changes_requested" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("cannot review what has not been submitted", async () => {
    const { requirementId } = await openRequirement();
    expect(await codeOf((await web("officer")).requirements.review({ requirementId, decision: "accepted" }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("waiving needs a reason and is kept; a waived report cannot be submitted", async () => {
    const { requirementId } = await openRequirement();
    const officer = await web("officer");
    expect(await codeOf(officer.requirements.waive({ requirementId, reason: "  " }))).toBe("BAD_REQUEST");
    const waived = await officer.requirements.waive({ requirementId, reason: "Covered by the final report." });
    expect(waived).toMatchObject({ status: "waived", waivedReason: "Covered by the final report." });
    expect(await codeOf((await web("partnerIcbl")).requirements.submit({ requirementId, body: "Late." }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("a partner member without submit_reports may not submit (FORBIDDEN), and is not offered to", async () => {
    const { grantId, requirementId } = await openRequirement();
    const partner = await callers(db, "partnerIcbl");
    await db
      .update(memberships)
      .set({ capabilities: ["view"] })
      .where(and(eq(memberships.userId, partner.actor!.userId), eq(memberships.organisationId, icbl)));
    try {
      expect(await refusal(partner.web.requirements.submit({ requirementId, body: "Report." }))).toMatchObject({
        code: "FORBIDDEN",
        message: "Your organisation has not given you permission to submit reports.",
      });
      expect((await partner.web.grants.byId({ id: grantId })).reportingRequirements[0]!.availableActions).toEqual([]);
    } finally {
      await db
        .update(memberships)
        .set({ capabilities: ["view", "submit_reports", "manage_members"] })
        .where(and(eq(memberships.userId, partner.actor!.userId), eq(memberships.organisationId, icbl)));
    }
  });

  it("an officer may hand a report in on the partner's behalf", async () => {
    const { requirementId } = await openRequirement();
    const submitted = await (await web("officer2")).requirements.submit({ requirementId, body: "Received by post." });
    const [officer2] = await db.select().from(users).where(eq(users.email, "officer2@example.org"));
    expect(submitted.submission.submittedById).toBe(officer2!.id);
  });

  it("refuses adding a requirement to a finished grant (GRANT_NOT_OPEN)", async () => {
    const grantId = await grantIn(db, "draft", grantInput(icbl, [allocation]));
    const officer = await web("officer");
    await officer.grants.transition({ id: grantId, action: "cancel", reason: "Withdrawn." });
    expect(
      await codeOf(officer.requirements.add({ grantId, kind: "financial", stage: "final", dueOn: "2099-01-01" })),
    ).toBe("GRANT_NOT_OPEN");
  });

  it("byId marks overdue requirements", async () => {
    const { grantId } = await openRequirement("2002-01-01");
    const grant = await (await web("officer")).grants.byId({ id: grantId });
    expect(grant.reportingRequirements[0]).toMatchObject({ overdue: true, availableActions: ["submit", "waive"] });
  });
});

describe("a grant's audit trail", () => {
  it("holds the grant's and its children's events, newest first, and nothing of other grants", async () => {
    const { grantId, requirementId } = await openRequirement();
    const other = await openRequirement();
    const officer = await web("officer");
    const p = await officer.payments.schedule({ grantId, dueOn: "2099-01-01", amount: 1_000_000 });
    await officer.payments.act({ id: p.id, action: "markDue" });
    await (await web("partnerIcbl")).requirements.submit({ requirementId, body: "Report." });
    await (await web("officer2")).payments.act({ id: p.id, action: "approve" });
    const { disbursement } = await officer.disbursements.record({
      grantId,
      paidOn: "2002-07-01",
      amount: 1_000_000,
      reference: "EFT-A",
      idempotencyKey: "trail-key-1",
      scheduledPaymentId: p.id,
    });

    const trail = await officer.grants.auditTrail({ id: grantId });
    expect(trail.map((e) => e.action)).toEqual([
      "disbursement.record",
      "payment.approve",
      "requirement.submit",
      "payment.markDue",
      "payment.schedule",
      "requirement.add",
      "grant.activate",
      "grant.approve",
      "grant.submit",
      "grant.create",
    ]);
    expect(trail[0]).toMatchObject({ entityType: "disbursement", entityId: disbursement.id });
    expect(trail[2]).toMatchObject({ actor: { name: "Pat Partner", role: "partner" }, before: { status: "open" } });
    expect(trail.some((e) => e.entityId === other.grantId || e.entityId === other.requirementId)).toBe(false);
  });

  it("partners may not read it, whether the grant is theirs or not; a missing grant is NOT_FOUND", async () => {
    const { grantId } = await openRequirement();
    expect(await codeOf((await web("partnerIcbl")).grants.auditTrail({ id: grantId }))).toBe("FORBIDDEN");
    expect(await codeOf((await web("partnerMac")).grants.auditTrail({ id: grantId }))).toBe("FORBIDDEN");
    expect(await codeOf((await web("officer")).grants.auditTrail({ id: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
  });
});
