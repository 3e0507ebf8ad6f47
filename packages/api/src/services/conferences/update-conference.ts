import { conferences, type DbOrTx } from "@portal/db";
import { updateConferenceInput, type UpdateConferenceInput } from "@portal/domain";
import { and, eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { checkConferenceReferences, conferenceColumns, directChargeOf } from "./conference-references";
import { writeConferenceParts } from "./conference-parts";
import { visibleConferences } from "./conference-scope";
import { conferenceSnapshot } from "./conference-snapshot";
import { moveDirectCost } from "./direct-cost";
import { parseInput } from "../../parse-input";

/**
 * Saves an edited conference. `version` is the one the form was opened with: a save over someone else's change is
 * refused. A changed direct cost (amount or allocation) moves the allocations by the difference in the same
 * transaction, and one audit event records the conference before and after.
 */
export async function updateConference(db: DbOrTx, actor: Actor, input: UpdateConferenceInput) {
  requireCapability(actor, "conferences.manage");
  const { id, version, data } = parseInput(updateConferenceInput, input);
  return db.transaction(async (tx) => {
    // The conference is locked before its allocations, as a grant is before its own.
    const [current] = await tx
      .select()
      .from(conferences)
      .where(and(eq(conferences.id, id), visibleConferences(actor)))
      .for("update");
    if (!current) throw refusal("NOT_FOUND", "noSuchConference");
    if (current.version !== version) {
      throw refusal("CONFLICT", "conferenceChangedMeanwhile", {}, "version");
    }
    await checkConferenceReferences(tx, data);
    const before = await conferenceSnapshot(tx, id);
    const columns = conferenceColumns(data);
    // The allocations move before the row points at a new one (see createConference).
    await moveDirectCost(tx, directChargeOf(current), directChargeOf(columns));
    const [updated] = await tx
      .update(conferences)
      .set({ ...columns, version: sql`${conferences.version} + 1` })
      .where(eq(conferences.id, id))
      .returning();
    await writeConferenceParts(tx, id, data);
    await writeAudit(tx, actor, {
      action: "conference.update",
      entityType: AUDIT_ENTITY.conference,
      entityId: id,
      before,
      after: await conferenceSnapshot(tx, id),
    });
    return updated!;
  });
}
