import type { Database } from "@portal/db";
import { sql } from "drizzle-orm";
import { notify } from "./notify";
import { activeWithRole } from "./recipients";

/** Tells admins that a job has failed for good (after its retries), once per job (the dedup key names the job). */
export async function notifyJobFailure(
  db: Database,
  { jobId, name, error }: { jobId: string; name: string; error: string },
) {
  await db.transaction(async (tx) => {
    await notify(tx, await activeWithRole(tx, "admin"), {
      kind: "jobFailed",
      params: { job: name, error: error.slice(0, 500) },
      path: "/jobs",
      dedupKey: `job-failed:${jobId}`,
    });
  });
}

/** How far back the sweep looks: failures older than this were told by an earlier sweep. */
const SWEEP_HOURS = 24;

const errorOf = (output: unknown): string => {
  if (output && typeof output === "object") {
    const value =
      (output as { message?: unknown; value?: { message?: unknown } }).message ??
      (output as { value?: { message?: unknown } }).value?.message;
    if (typeof value === "string") return value;
  }
  return output === null || output === undefined ? "" : JSON.stringify(output);
};

/**
 * The net under the worker's own report: every job pg-boss has marked `failed` (state `failed` comes only after the
 * last retry; `retry` is a failure with attempts left) in the last day, however it failed, including a job that
 * timed out in a worker that died and so never ran its catch. Told once per job, with the same dedup key as the
 * worker's report, so a job reported both ways notifies once.
 */
export async function notifyFailedJobs(db: Database) {
  const [installed] = (await db.execute(sql`select to_regclass('pgboss.job') is not null as ok`)) as unknown as [
    { ok: boolean },
  ];
  if (!installed?.ok) return { failed: 0 };
  const failed = (await db.execute(sql`
    select id::text as id, name, output from pgboss.job
     where state = 'failed' and name not like '__pgboss%'
       and completed_on > now() - make_interval(hours => ${SWEEP_HOURS})
     order by completed_on limit 100`)) as unknown as { id: string; name: string; output: unknown }[];
  for (const job of failed) await notifyJobFailure(db, { jobId: job.id, name: job.name, error: errorOf(job.output) });
  return { failed: failed.length };
}
