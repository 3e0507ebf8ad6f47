import { randomBytes } from "node:crypto";
import { conferences, type DbOrTx } from "@portal/db";
import { type ConferenceData, createConferenceInput, type CreateConferenceInput } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { checkConferenceReferences, conferenceColumns, directChargeOf } from "./conference-references";
import { writeConferenceParts } from "./conference-parts";
import { conferenceSnapshot } from "./conference-snapshot";
import { moveDirectCost } from "./direct-cost";
import { parseInput } from "../../parse-input";

/** "warsaw-seminar-2001-3f9a1c": readable, and unique without asking the database first. */
function newSlug(data: ConferenceData): string {
  const words = data.titleEn
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return [words || "conference", data.startsOn.slice(0, 4), randomBytes(3).toString("hex")].join("-");
}

/**
 * Records a conference with its parts. A direct cost is charged to its allocation in the same transaction (committed
 * and disbursed, refused with ALLOCATION_EXCEEDED when the allocation has not enough left), and one audit event is
 * written with it.
 */
export async function createConference(db: DbOrTx, actor: Actor, input: CreateConferenceInput) {
  requireCapability(actor, "conferences.manage");
  const data = parseInput(createConferenceInput, input);
  return db.transaction(async (tx) => {
    await checkConferenceReferences(tx, data);
    const columns = conferenceColumns(data);
    // Charged before the row that references the allocation is written: the insert's foreign-key check would
    // otherwise hold a share lock on the allocation that concurrent charges then deadlock on.
    await moveDirectCost(tx, null, directChargeOf(columns));
    const [conference] = await tx
      .insert(conferences)
      .values({ ...columns, slug: newSlug(data), provenance: "entered" })
      .returning();
    await writeConferenceParts(tx, conference!.id, data);
    await writeAudit(tx, actor, {
      action: "conference.create",
      entityType: AUDIT_ENTITY.conference,
      entityId: conference!.id,
      before: null,
      after: await conferenceSnapshot(tx, conference!.id),
    });
    return conference!;
  });
}
