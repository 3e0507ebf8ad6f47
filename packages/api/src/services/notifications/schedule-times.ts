import { JOB_SCHEDULES, JOB_TIME_ZONE, type ScheduledJobName } from "@portal/domain";
import parser from "cron-parser";

/** The latest run of a schedule at or before `now` (Ottawa time). */
export function previousRun(name: ScheduledJobName, now: Date): Date {
  return parser
    .parseExpression(JOB_SCHEDULES[name], { currentDate: new Date(now.getTime() + 1), tz: JOB_TIME_ZONE })
    .prev()
    .toDate();
}

export function nextRun(name: ScheduledJobName, now: Date): Date {
  return parser.parseExpression(JOB_SCHEDULES[name], { currentDate: now, tz: JOB_TIME_ZONE }).next().toDate();
}
