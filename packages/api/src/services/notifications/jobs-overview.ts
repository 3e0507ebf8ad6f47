import { type DbOrTx, jobScheduleRuns } from "@portal/db";
import { JOB_SCHEDULES, type ScheduledJobName } from "@portal/domain";
import { sql } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { nextRun } from "./schedule-times";

interface JobRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  created_on: Date;
  completed_on: Date | null;
  output: unknown;
}

/**
 * What the admin console shows of the background work: each schedule with its last and next run, the recent jobs
 * and the failures of the last week, read from pg-boss's own tables (empty until the worker has first started).
 */
export async function jobsOverview(db: DbOrTx, actor: Actor, now = new Date()) {
  requireCapability(actor, "audit.read");
  const runs = new Map((await db.select().from(jobScheduleRuns)).map((r) => [r.name, r.lastFiredAt]));
  const schedules = (Object.keys(JOB_SCHEDULES) as ScheduledJobName[]).map((name) => ({
    name,
    cron: JOB_SCHEDULES[name],
    lastFiredAt: runs.get(name) ?? null,
    nextRunAt: nextRun(name, now),
  }));

  const [installed] = (await db.execute(sql`select to_regclass('pgboss.job') is not null as ok`)) as unknown as [
    { ok: boolean },
  ];
  if (!installed?.ok) return { schedules, recent: [], failures: [] };
  const columns = sql`id::text, name, state::text as state, retry_count, created_on, completed_on, output`;
  const everything = sql`(select ${columns} from pgboss.job where name not like '__pgboss%'
                          union all select ${columns} from pgboss.archive where name not like '__pgboss%')`;
  const recent = (await db.execute(
    sql`select * from ${everything} j order by created_on desc limit 50`,
  )) as unknown as JobRow[];
  const failures = (await db.execute(
    sql`select * from ${everything} j where state = 'failed' and created_on > now() - interval '7 days'
        order by created_on desc limit 50`,
  )) as unknown as JobRow[];
  const shape = (row: JobRow) => ({
    id: row.id,
    name: row.name,
    state: row.state,
    retries: row.retry_count,
    createdAt: new Date(row.created_on),
    completedAt: row.completed_on ? new Date(row.completed_on) : null,
    output: row.output === null || row.output === undefined ? "" : JSON.stringify(row.output).slice(0, 300),
  });
  return { schedules, recent: recent.map(shape), failures: failures.map(shape) };
}
