import type { ScheduledJobName } from "@portal/domain";

/** Every queue the worker serves: the scheduled jobs, plus the ones only sent on demand. */
export const QUEUES = [
  "dispatch-audit-events",
  "deliver-emails",
  "refresh-payment-holds",
  "report-reminders",
  "daily-digest",
  "watch-job-failures",
] as const satisfies readonly ScheduledJobName[];
export type QueueName = (typeof QUEUES)[number];

/** Three retries, 30 s, then about 1 and 2 minutes (pg-boss doubles the delay with retryBackoff). */
export const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
