import { type DbOrTx, iatiPublications, users } from "@portal/db";
import { eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { servableRecords } from "./published-files";

/**
 * The admin console's view of IATI publication: every published grant, when it was first and last published, when
 * its data last changed, who published it, and whether the public file serves it (a record that no longer
 * validates is held back with its problems; an illustrative one is served only on request, marked).
 */
export async function iatiPublicationOverview(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "audit.read");
  const [{ checked }, publications] = await Promise.all([
    servableRecords(db, { illustrative: true }),
    db
      .select({
        grantId: iatiPublications.grantId,
        firstPublishedAt: iatiPublications.firstPublishedAt,
        publishedAt: iatiPublications.publishedAt,
        publishedByName: users.name,
      })
      .from(iatiPublications)
      .leftJoin(users, eq(users.id, iatiPublications.publishedById)),
  ]);
  const byGrant = new Map(publications.map((p) => [p.grantId, p]));
  const rows = checked.flatMap(({ record, problems }) => {
    const publication = byGrant.get(record.id);
    if (!publication) return [];
    const lastChangedAt = publication.publishedAt > record.lastUpdated ? publication.publishedAt : record.lastUpdated;
    return [
      {
        grantId: record.id,
        reference: record.localRef,
        identifier: record.identifier,
        title: record.title,
        illustrative: record.illustrative,
        firstPublishedAt: publication.firstPublishedAt,
        publishedAt: publication.publishedAt,
        publishedByName: publication.publishedByName,
        lastChangedAt,
        served: problems.length === 0 && !record.illustrative,
        problems: problems.map((p) => p.message),
      },
    ];
  });
  rows.sort((a, b) => b.lastChangedAt.getTime() - a.lastChangedAt.getTime());
  return { rows, lastChangedAt: rows[0]?.lastChangedAt ?? null };
}
