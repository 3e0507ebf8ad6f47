import type { Database } from "@portal/db";
import { notify } from "./notify";
import { activeWithRole } from "./recipients";

/** Tells admins that a job has failed for good (after its retries), once per job. */
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
