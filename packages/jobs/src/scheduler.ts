import { type Database, jobScheduleRuns } from "@portal/db";
import { JOB_SCHEDULES, type ScheduledJobName } from "@portal/domain";
import { previousRun } from "@portal/api/notifications";
import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { RETRY } from "./queues";

/**
 * Starts the scheduled runs that have come due by `now`. The clock is an argument, so a test can move it forward a
 * day and see the daily job start, with no sleeping. Each schedule's last run is kept in job_schedule_runs under a
 * row lock, so several worker instances ticking together start each run once; a schedule seen for the first time
 * starts counting from now (a fresh install does not run yesterday's jobs).
 */
export async function tickSchedules(db: Database, boss: PgBoss, now: Date = new Date()) {
  const started: { name: ScheduledJobName; runAt: Date; jobId: string | null }[] = [];
  for (const name of Object.keys(JOB_SCHEDULES) as ScheduledJobName[]) {
    const due = previousRun(name, now);
    await db.transaction(async (tx) => {
      await tx.insert(jobScheduleRuns).values({ name, lastFiredAt: due }).onConflictDoNothing();
      const [run] = await tx.select().from(jobScheduleRuns).where(eq(jobScheduleRuns.name, name)).for("update");
      if (!run || run.lastFiredAt.getTime() >= due.getTime()) return;
      await tx.update(jobScheduleRuns).set({ lastFiredAt: due }).where(eq(jobScheduleRuns.name, name));
      const jobId = await boss.send(
        name,
        { scheduledFor: due.toISOString() },
        { ...RETRY, singletonKey: `${name}:${due.toISOString()}` },
      );
      started.push({ name, runAt: due, jobId });
    });
  }
  return started;
}
