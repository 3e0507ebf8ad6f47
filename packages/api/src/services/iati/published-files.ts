import { createHash } from "node:crypto";
import { allocations, type DbOrTx, iatiPublications } from "@portal/db";
import { max } from "drizzle-orm";
import { todayInOttawa } from "../today";
import { grantActivityRecords } from "./activity-records";
import { latestChange, buildOrganisationFile } from "./iati-files";
import type { IatiActivityRecord } from "./iati-record";
import { iatiRuleProblems } from "./iati-rules";
import { activitiesFile } from "./iati-xml";
import { reportingOrganisation } from "./reporting-organisation";
import { schemaProblems } from "./validate-iati";

/** A public file with what HTTP caching needs: a strong ETag of its bytes and the time its data last changed. */
export interface PublishedFile {
  body: string;
  etag: string;
  lastModified: Date;
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url")}"`;

/** Whole seconds: HTTP dates carry no milliseconds, so If-Modified-Since compares equal. */
const toSecond = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

export interface PublicationOptions {
  /** Include illustrative (demonstration) records, each marked as such. Left out by default. */
  illustrative: boolean;
}

/**
 * The published grants that still validate on their own. A published grant whose record has since broken a rule or
 * the schema is held back (the admin console lists it) rather than served invalid.
 */
export async function servableRecords(db: DbOrTx, options: PublicationOptions) {
  const org = await reportingOrganisation(db);
  const published = await db
    .select({ grantId: iatiPublications.grantId, publishedAt: iatiPublications.publishedAt })
    .from(iatiPublications);
  const records = await grantActivityRecords(db, org, { grantIds: published.map((p) => p.grantId) });
  const publishedAt = new Map(published.map((p) => [p.grantId, p.publishedAt]));
  const today = todayInOttawa();
  const checked = await Promise.all(
    records.map(async (record) => {
      const problems = [
        ...iatiRuleProblems(record, today),
        ...(await schemaProblems(activitiesFile([record], org, record.lastUpdated))),
      ];
      return { record, problems, publishedAt: publishedAt.get(record.id)! };
    }),
  );
  const served: IatiActivityRecord[] = checked
    .filter((c) => c.problems.length === 0 && (options.illustrative || !c.record.illustrative))
    .map((c) => c.record);
  return { org, checked, served };
}

/**
 * The public iati-activities file of the published grants; null while nothing is served (the 2.03 schema wants at
 * least one activity in a file).
 */
export async function publishedActivitiesFile(db: DbOrTx, options: PublicationOptions): Promise<PublishedFile | null> {
  const { org, checked, served } = await servableRecords(db, options);
  if (served.length === 0) return null;
  const servedIds = new Set(served.map((r) => r.id));
  // A (re-)publication is a change too, even when the record itself did not move.
  const changes = checked
    .filter((c) => servedIds.has(c.record.id))
    .map((c) => ({ lastUpdated: c.publishedAt > c.record.lastUpdated ? c.publishedAt : c.record.lastUpdated }));
  const lastModified = toSecond(latestChange(changes, new Date("2000-01-01T00:00:00Z")));
  const body = activitiesFile(served, org, lastModified);
  const problems = await schemaProblems(body);
  if (problems.length > 0) throw new Error(`Published activities file does not validate: ${problems[0]!.message.en}`);
  return { body, etag: etagOf(body), lastModified };
}

/** The public organisation file; it changes when the allocations do. */
export async function publishedOrganisationFile(db: DbOrTx, options: PublicationOptions): Promise<PublishedFile> {
  const lastModified = toSecond(await allocationsLastChanged(db));
  const body = await buildOrganisationFile(db, lastModified, options);
  const problems = await schemaProblems(body, "organisations");
  if (problems.length > 0) throw new Error(`Organisation file does not validate: ${problems[0]!.message.en}`);
  return { body, etag: etagOf(body), lastModified };
}

async function allocationsLastChanged(db: DbOrTx): Promise<Date> {
  const [row] = await db.select({ at: max(allocations.updatedAt) }).from(allocations);
  return row?.at ?? new Date("2000-01-01T00:00:00Z");
}
