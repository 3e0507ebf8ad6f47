import type { DbOrTx } from "@portal/db";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { todayInOttawa } from "../today";
import { syncPaymentHolds } from "./payment-holds";

/**
 * Reports become overdue with the passing of time, not with a request, so holds are refreshed on demand (the grant
 * page, or a daily job): payments waiting for an overdue report go on hold, and come off it once the report is
 * accepted or waived. When nothing changes nothing is written, not even an audit event.
 */
export async function refreshPaymentHolds(
  db: DbOrTx,
  actor: Actor,
  { grantId }: { grantId: string },
  today = todayInOttawa(),
) {
  requireCapability(actor, "grants.manage");
  return db.transaction(async (tx) => {
    const grant = await lockGrantOrThrow(tx, actor, grantId);
    const changes = await syncPaymentHolds(tx, grant.id, today);
    if (changes.length > 0) {
      await writeAudit(tx, actor, {
        action: "grant.refreshPaymentHolds",
        entityType: AUDIT_ENTITY.grant,
        entityId: grant.id,
        before: changes.map(({ paymentId, sequence, from }) => ({ paymentId, sequence, status: from })),
        after: changes.map(({ paymentId, sequence, to }) => ({ paymentId, sequence, status: to, today })),
      });
    }
    return { changes };
  });
}
