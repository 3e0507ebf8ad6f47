import { type DbOrTx, iatiPublications } from "@portal/db";
import { eq, sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { lockGrantOrThrow } from "../grants/lock-grant";
import { grantActivityRecords } from "./activity-records";
import { activityProblems } from "./iati-files";
import { reportingOrganisation } from "./reporting-organisation";

/**
 * Publishes a grant to IATI (or re-publishes it after a change). The grant row is locked, so the record validated is
 * the record published; a record that breaks the schema or the standard's rules is refused with every problem named,
 * and nothing is written.
 */
export async function publishGrant(db: DbOrTx, actor: Actor, { grantId }: { grantId: string }) {
  requireCapability(actor, "iati.publish");
  return db.transaction(async (tx) => {
    const grant = await lockGrantOrThrow(tx, actor, grantId);
    const org = await reportingOrganisation(tx);
    const [record] = await grantActivityRecords(tx, org, { grantIds: [grant.id] });
    if (!record) {
      throw refusal("IATI_INVALID", "iatiDraftNotActivity");
    }
    const problems = await activityProblems(record, org);
    if (problems.length > 0) {
      // Each finding already has its sentence in both languages; the refusal carries both.
      const written = (locale: "en" | "fr") => problems.map((p) => p.message[locale]).join(" ");
      throw refusal("IATI_INVALID", "iatiNotValid", { problems: { en: written("en"), fr: written("fr") } });
    }
    const [before] = await tx.select().from(iatiPublications).where(eq(iatiPublications.grantId, grant.id));
    const [publication] = await tx
      .insert(iatiPublications)
      .values({ grantId: grant.id, publishedById: actor.userId })
      .onConflictDoUpdate({
        target: iatiPublications.grantId,
        set: { publishedAt: sql`now()`, publishedById: actor.userId },
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "grant.publish",
      entityType: AUDIT_ENTITY.grant,
      entityId: grant.id,
      before: before ? { publishedAt: before.publishedAt } : null,
      after: {
        publishedAt: publication!.publishedAt,
        identifier: record.identifier,
        illustrative: record.illustrative,
      },
    });
    return { ...publication!, identifier: record.identifier };
  });
}
