import { type AmendmentChange, type IsoDate, type ProposeAmendmentData, statusAfterAmendment } from "@portal/domain";
import type { Tx } from "../client";
import { auditEvents, grantAmendments } from "../schema";
import type { GrantAggregate } from "./grant-plan";
import { seedId } from "./ids";
import type { UserIds } from "./users";
import { insertNewRows, type Written } from "./write";

/** An amendment the demo proposes and leaves awaiting another officer's approval: an extension with its dates. */
export interface AmendmentDefinition {
  reference: string;
  proposedBy: string;
  proposedAt: string;
  reason: string;
  endsOn: IsoDate;
  payments: readonly { sequence: number; dueOn: IsoDate }[];
  requirements: readonly { kind: "narrative" | "financial"; stage: "interim" | "final"; dueOn: IsoDate }[];
}

/**
 * The proposal as proposeAmendment would store it, by the same rule (planAmendment, which the seed cannot import:
 * the api depends on the db, not the other way round), for what an extension touches: the grant is in a status an
 * amendment may touch; the end date stays on or after the start and every payment; only instalments not paid or
 * cancelled and reports not accepted or waived move; `changes` lists end date, instalments, reports in the service's
 * order. tests/integration/living-demo.test.ts approves it through the service and finds the same changes.
 */
function planProposal(definition: AmendmentDefinition, aggregate: GrantAggregate) {
  const { grant } = aggregate;
  const fail = (why: string) => new Error(`${definition.reference}: the demo amendment ${why}`);
  if (!statusAfterAmendment(grant.status!)) throw fail(`cannot amend a ${grant.status} grant`);
  const lastPaidOn = aggregate.disbursements
    .map((d) => d.paidOn)
    .sort()
    .at(-1);
  if (definition.endsOn < grant.startsOn || (lastPaidOn && definition.endsOn < lastPaidOn)) {
    throw fail("ends before the grant starts or before a payment");
  }
  const changes: AmendmentChange[] = [];
  if (definition.endsOn !== grant.endsOn) {
    changes.push({ field: "endsOn", before: grant.endsOn, after: definition.endsOn });
  }
  const payments = definition.payments.map(({ sequence, dueOn }) => {
    const payment = aggregate.payments.find((p) => p.sequence === sequence);
    if (!payment || payment.status === "paid" || payment.status === "cancelled") {
      throw fail(`moves instalment ${sequence}, which is not open`);
    }
    changes.push({ field: "paymentDueOn", id: payment.id!, sequence, before: payment.dueOn, after: dueOn });
    return { id: payment.id!, dueOn };
  });
  const requirements = definition.requirements.map(({ kind, stage, dueOn }) => {
    const requirement = aggregate.requirements.find((r) => r.kind === kind && r.stage === stage);
    if (!requirement || requirement.status === "accepted" || requirement.status === "waived") {
      throw fail(`moves the ${stage} ${kind} report, which is not open`);
    }
    changes.push({
      field: "requirementDueOn",
      id: requirement.id!,
      kind,
      stage,
      before: requirement.dueOn,
      after: dueOn,
    });
    return { id: requirement.id!, dueOn };
  });
  const request: Omit<ProposeAmendmentData, "grantId" | "reason"> = {
    endsOn: definition.endsOn,
    payments,
    requirements,
  };
  return { request, changes };
}

/**
 * Proposes the demo's amendments on grants written in this run (an existing grant may have been amended by people
 * since), pending, with the audit event proposeAmendment writes: by the proposing officer, so the notification of
 * it reaches the other officers and not them.
 */
export async function seedAmendments(
  tx: Tx,
  definitions: readonly AmendmentDefinition[],
  newGrants: readonly GrantAggregate[],
  users: UserIds,
): Promise<Written> {
  const rows = definitions.flatMap((definition) => {
    const aggregate = newGrants.find((g) => g.grant.reference === definition.reference);
    if (!aggregate) return [];
    const proposedById = users.get(definition.proposedBy);
    if (!proposedById) throw new Error(`Demo user ${definition.proposedBy} is missing`);
    const { request, changes } = planProposal(definition, aggregate);
    return [
      {
        id: seedId(`amendment:${definition.reference}:1`),
        grantId: aggregate.grant.id,
        status: "pending" as const,
        reason: definition.reason,
        request,
        changes,
        proposedById,
        proposedAt: new Date(definition.proposedAt),
      },
    ];
  });
  const inserted = await insertNewRows(tx, grantAmendments, rows);
  const events = inserted.map((amendment) => ({
    actorId: amendment.proposedById,
    actorRole: "officer" as const,
    action: "amendment.propose",
    entityType: "amendment",
    entityId: amendment.id,
    at: amendment.proposedAt,
    before: null,
    after: {
      via: "seed",
      grantId: amendment.grantId,
      status: "pending",
      reason: amendment.reason,
      changes: amendment.changes,
    },
  }));
  const audited = events.length === 0 ? [] : await insertNewRows(tx, auditEvents, events);
  return { grant_amendments: inserted.length, audit_events: audited.length };
}
