import type { Tx } from "../client";
import { auditEvents } from "../schema";
import type { GrantAggregate } from "./grant-plan";
import { insertNew, type Written } from "./write";

/**
 * One creation event per grant and conference the seed added in this run (actor null: the system seed). Only new
 * records get one, so the append-only log does not grow on a second run.
 */
function grantEvent(aggregate: GrantAggregate): typeof auditEvents.$inferInsert {
  const { grant } = aggregate;
  return {
    actorId: null,
    actorRole: null,
    action: "grant.created",
    entityType: "grant",
    entityId: grant.id,
    before: null,
    after: {
      via: "seed",
      reference: grant.reference,
      status: grant.status,
      totalAmount: grant.totalAmount,
      currency: grant.currency,
      provenance: grant.provenance,
      components: aggregate.components.length,
      fundingLines: aggregate.fundingLines.length,
      disbursed: grant.disbursed,
    },
  };
}

function conferenceEvent(conferenceId: string): typeof auditEvents.$inferInsert {
  return {
    actorId: null,
    actorRole: null,
    action: "conference.created",
    entityType: "conference",
    entityId: conferenceId,
    before: null,
    after: { via: "seed" },
  };
}

export async function seedAuditEvents(
  tx: Tx,
  newGrants: readonly GrantAggregate[],
  newConferenceIds: readonly string[],
): Promise<Written> {
  const rows = [...newGrants.map(grantEvent), ...newConferenceIds.map(conferenceEvent)];
  return { audit_events: await insertNew(tx, auditEvents, rows) };
}
