import type { auditEvents, DbOrTx } from "@portal/db";
import { activeWithRole, officersManaging, officersOfGrant, partnersOf } from "./recipients";
import {
  type AllocationFacts,
  allocationsById,
  allocationsOfGrant,
  grantFacts,
  paymentFacts,
  requirementFacts,
  userName,
} from "./event-facts";
import { notify } from "./notify";
import { notificationSettings } from "./settings";

export type AuditEventRow = typeof auditEvents.$inferSelect;
type Handler = (tx: DbOrTx, event: AuditEventRow) => Promise<void>;

const key = (event: AuditEventRow, kind: string) => `audit:${event.id}:${kind}`;
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {};

/** Partners hear about their report's outcome; the officer's comment travels with a request for changes. */
const reviewed: Handler = async (tx, event) => {
  const facts = await requirementFacts(tx, event.entityId);
  if (!facts) return;
  const accepted = event.action === "requirement.accept";
  const submission = record(record(event.after).submission);
  const comment = typeof submission.response === "string" ? submission.response : "";
  const kind = accepted ? "reportAccepted" : "reportChangesRequested";
  await notify(tx, await partnersOf(tx, facts.grant.recipientId), {
    kind,
    params: accepted ? facts.params : { ...facts.params, comment },
    path: `/reports/${facts.requirement.id}`,
    dedupKey: key(event, kind),
    auditEventId: event.id,
  });
};

const submitted: Handler = async (tx, event) => {
  const facts = await requirementFacts(tx, event.entityId);
  if (!facts) return;
  await notify(tx, await officersOfGrant(tx, facts.grant), {
    kind: "reportSubmitted",
    params: facts.params,
    path: `/reports/${facts.requirement.id}`,
    dedupKey: key(event, "reportSubmitted"),
    auditEventId: event.id,
  });
};

const grantSubmitted: Handler = async (tx, event) => {
  const facts = await grantFacts(tx, event.entityId);
  if (!facts) return;
  await notify(tx, await officersManaging(tx, facts.grant.id, [event.actorId, facts.grant.createdById]), {
    kind: "grantAwaitingApproval",
    params: { ...facts.params, amountCents: facts.grant.totalAmount, actor: await userName(tx, event.actorId) },
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "grantAwaitingApproval"),
    auditEventId: event.id,
  });
};

/** An instalment that became due waits for an officer other than the one who scheduled it (four eyes). */
const paymentDue: Handler = async (tx, event) => {
  const facts = await paymentFacts(tx, event.entityId);
  if (!facts) return;
  await notify(tx, await officersManaging(tx, facts.grant.id, [event.actorId, facts.payment.createdById]), {
    kind: "paymentAwaitingApproval",
    params: { ...facts.params, actor: await userName(tx, facts.payment.createdById) },
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "paymentAwaitingApproval"),
    auditEventId: event.id,
  });
};

const paymentApproved: Handler = async (tx, event) => {
  const facts = await paymentFacts(tx, event.entityId);
  if (!facts) return;
  await notify(tx, await partnersOf(tx, facts.grant.recipientId), {
    kind: "paymentApproved",
    params: facts.params,
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "paymentApproved"),
    auditEventId: event.id,
  });
};

async function notifyHold(tx: DbOrTx, event: AuditEventRow, paymentId: string) {
  const facts = await paymentFacts(tx, paymentId);
  if (!facts) return;
  await notify(tx, await officersOfGrant(tx, facts.grant), {
    kind: "paymentOnHold",
    params: facts.params,
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, `paymentOnHold:${paymentId}`),
    auditEventId: event.id,
  });
}

const paymentHeld: Handler = (tx, event) => notifyHold(tx, event, event.entityId);

/** The daily refresh (or its "refresh now" button) lists every payment it moved; those put on hold are news. */
const holdsRefreshed: Handler = async (tx, event) => {
  const after = Array.isArray(event.after) ? (event.after as unknown[]) : [];
  for (const change of after.map(record)) {
    if (change.status === "on_hold" && typeof change.paymentId === "string") {
      await notifyHold(tx, event, change.paymentId);
    }
  }
};

const paid: Handler = async (tx, event) => {
  const disbursement = record(record(event.after).disbursement);
  if (typeof disbursement.grantId !== "string" || disbursement.reversesId) return;
  const facts = await grantFacts(tx, disbursement.grantId);
  if (!facts) return;
  await notify(tx, await partnersOf(tx, facts.grant.recipientId), {
    kind: "paymentPaid",
    params: {
      ...facts.params,
      amountCents: Number(disbursement.amount),
      currency: typeof disbursement.currency === "string" ? disbursement.currency : facts.params.currency,
      paidOn: typeof disbursement.paidOn === "string" ? disbursement.paidOn : "",
      reference: typeof disbursement.reference === "string" ? disbursement.reference : "",
    },
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "paymentPaid"),
    auditEventId: event.id,
  });
};

/**
 * Tells admins when an allocation's committed share has reached the alert threshold (ALLOCATION_ALERT_PERCENT), read
 * as the allocation is now. Once per allocation, threshold and amount: however many grants push it further it is one
 * alert, and an allocation that is raised (or cut) and crosses again is news again.
 */
async function alertNearlyExhausted(tx: DbOrTx, event: AuditEventRow, rows: readonly AllocationFacts[]) {
  const threshold = notificationSettings().allocationAlertPercent;
  for (const allocation of rows) {
    if (allocation.amount <= 0) continue;
    const percent = Math.floor((allocation.committed * 100) / allocation.amount);
    if (percent < threshold) continue;
    await notify(tx, await activeWithRole(tx, "admin"), {
      kind: "allocationNearlyExhausted",
      params: {
        allocationEn: `${allocation.nameEn} ${allocation.fiscalYear}-${allocation.fiscalYear + 1}`,
        allocationFr: `${allocation.nameFr} ${allocation.fiscalYear}-${allocation.fiscalYear + 1}`,
        percent,
        committedCents: allocation.committed,
        amountCents: allocation.amount,
        currency: "CAD",
      },
      path: `/budgets/${allocation.id}`,
      dedupKey: `allocation:${allocation.id}:${threshold}:${allocation.amount}`,
      auditEventId: event.id,
    });
  }
}

/** Approving a grant commits money on the allocations it draws on. */
const grantApproved: Handler = async (tx, event) =>
  alertNearlyExhausted(tx, event, await allocationsOfGrant(tx, event.entityId));

/** Lowering an allocation (an adjustment, or a transfer out of it) raises the committed share of what is left. */
const allocationReduced: Handler = async (tx, event) =>
  alertNearlyExhausted(tx, event, await allocationsById(tx, [event.entityId]));

/** Amendments (entity `amendment`, action `amendment.approve`) name their grant in the event's after state. */
const amendmentApproved: Handler = async (tx, event) => {
  const after = record(event.after);
  const grantId = typeof after.grantId === "string" ? after.grantId : null;
  if (!grantId) return;
  const facts = await grantFacts(tx, grantId);
  if (!facts) return;
  await notify(tx, await partnersOf(tx, facts.grant.recipientId), {
    kind: "amendmentApproved",
    params: facts.params,
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "amendmentApproved"),
    auditEventId: event.id,
  });
  // A raised total commits more on the grant's allocations.
  await alertNearlyExhausted(tx, event, await allocationsOfGrant(tx, grantId));
};

/** A proposed amendment waits for an officer other than its proposer (four eyes), as a submitted grant does. */
const amendmentProposed: Handler = async (tx, event) => {
  const after = record(event.after);
  const grantId = typeof after.grantId === "string" ? after.grantId : null;
  if (!grantId) return;
  const facts = await grantFacts(tx, grantId);
  if (!facts) return;
  await notify(tx, await officersManaging(tx, facts.grant.id, [event.actorId]), {
    kind: "amendmentAwaitingApproval",
    params: { ...facts.params, actor: await userName(tx, event.actorId) },
    path: `/grants/${facts.grant.id}`,
    dedupKey: key(event, "amendmentAwaitingApproval"),
    auditEventId: event.id,
  });
};

/**
 * What each audited action tells whom. Anything not listed (drafts, edits, internal status hops such as a grant's
 * approval or an instalment being scheduled) notifies no one, and partners only ever hear of their own
 * organisation's reports and money.
 */
export const AUDIT_HANDLERS: Record<string, Handler> = {
  "requirement.submit": submitted,
  "requirement.accept": reviewed,
  "requirement.requestChanges": reviewed,
  "grant.submit": grantSubmitted,
  "grant.approve": grantApproved,
  "grant.refreshPaymentHolds": holdsRefreshed,
  "payment.markDue": paymentDue,
  "payment.requestUnscheduled": paymentDue,
  "payment.approve": paymentApproved,
  "payment.hold": paymentHeld,
  "disbursement.record": paid,
  "amendment.propose": amendmentProposed,
  "amendment.approve": amendmentApproved,
  "allocation.adjust": allocationReduced,
  "allocation.transfer": allocationReduced,
};
