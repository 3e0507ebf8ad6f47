import { type DbOrTx, iatiPublications } from "@portal/db";
import { can } from "@portal/domain";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { visibleGrantOrThrow } from "./visible-grant";
import { grantActivityRecords } from "./activity-records";
import { activityProblems } from "./iati-files";
import { activitiesFile } from "./iati-xml";
import { reportingOrganisation } from "./reporting-organisation";

/**
 * What the grant page shows about IATI: the activity identifier, whether and when it was published, and the
 * problems that would stop its publication now (none when it would validate).
 */
export async function grantIatiStatus(db: DbOrTx, actor: Actor, { grantId }: { grantId: string }) {
  requireCapability(actor, "grants.view.all");
  const grant = await visibleGrantOrThrow(db, actor, grantId);
  const org = await reportingOrganisation(db);
  const [[record], [publication]] = await Promise.all([
    grantActivityRecords(db, org, { grantIds: [grant.id] }),
    db.select().from(iatiPublications).where(eq(iatiPublications.grantId, grant.id)),
  ]);
  return {
    // publishGrant locks the grant through the same condition (manageableGrants).
    canPublish: can(actor.role, "iati.publish") && grant.manageable && record !== undefined,
    identifier: record?.identifier ?? null,
    illustrative: record?.illustrative ?? grant.provenance === "illustrative",
    publishedAt: publication?.publishedAt ?? null,
    firstPublishedAt: publication?.firstPublishedAt ?? null,
    problems: record ? await activityProblems(record, org) : [],
    xml: record ? activitiesFile([record], org, record.lastUpdated) : null,
  };
}
