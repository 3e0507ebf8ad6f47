import { notifyJobFailure } from "@portal/api/notifications";
import type { Database } from "@portal/db";
import PgBoss from "pg-boss";
import { HANDLERS, type JobContext, type JobData } from "./handlers";
import type { Mailer } from "./mailer";
import { QUEUES, RETRY } from "./queues";
import { grantRuntimeReadOfJobs } from "./runtime-access";
import { tickSchedules } from "./scheduler";

export interface WorkerOptions {
  databaseUrl: string;
  db: Database;
  mailer: Mailer | null;
  /** How often the schedules are looked at; 0 leaves ticking to the caller (tests move the clock themselves). */
  tickSeconds?: number;
  /**
   * How often the audit log is dispatched and pending e-mail sent, in seconds (throttled to one job per interval
   * across instances); 0 leaves it to the caller. Finer than the cron's minute, so a bell lights up within seconds.
   */
  dispatchSeconds?: number;
  /** How often each queue is polled (pg-boss's default is 2 s). */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
}

export interface Worker {
  boss: PgBoss;
  tick: (now?: Date) => ReturnType<typeof tickSchedules>;
  stop: () => Promise<void>;
}

/**
 * The background worker: a pg-boss queue in the portal's own PostgreSQL (its tables live in the `pgboss` schema),
 * so any number of instances share the work with no other server. Each job is retried with back-off; on its last
 * attempt a failure is also told to the admins.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(line));
  // pg-boss's own cron is off: the schedules are ticked here, with a clock tests can move (see scheduler.ts).
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 3, schedule: false, ...RETRY });
  boss.on("error", (error) => log(`job queue error: ${error.message}`));
  await boss.start();
  for (const name of QUEUES) await boss.createQueue(name, { name, ...RETRY });
  // Two workers starting together may race on the same GRANT ("tuple concurrently updated"); one of them suffices.
  await grantRuntimeReadOfJobs(options.db).catch((error: unknown) =>
    log(
      `could not grant the apps read access to the job tables: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );

  const ctx: JobContext = {
    db: options.db,
    mailer: options.mailer,
    requestDelivery: async () => {
      await boss.send("deliver-emails", {}, { ...RETRY, singletonKey: "deliver-emails:now", singletonSeconds: 5 });
    },
    requestDispatch: async () => {
      await boss.send(
        "dispatch-audit-events",
        {},
        { ...RETRY, singletonKey: "dispatch-audit-events:now", singletonSeconds: 5 },
      );
    },
  };

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  for (const name of QUEUES) {
    await boss.work<JobData>(name, { ...polling, includeMetadata: true }, async ([job]) => {
      if (!job) return {};
      try {
        return await HANDLERS[name](ctx, job.data ?? {});
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (job.retryCount >= job.retryLimit) {
          await notifyJobFailure(options.db, { jobId: job.id, name, error: message }).catch(() => {});
          log(`job ${name} failed for good: ${message}`);
        }
        throw error;
      }
    });
  }

  const tick = (now?: Date) => tickSchedules(options.db, boss, now);
  let timer: NodeJS.Timeout | undefined;
  if ((options.tickSeconds ?? 30) > 0) {
    await tick();
    timer = setInterval(
      () => {
        tick().catch((error: unknown) => log(`schedule tick failed: ${String(error)}`));
      },
      (options.tickSeconds ?? 30) * 1000,
    );
  }

  const dispatchSeconds = options.dispatchSeconds ?? 5;
  let pump: NodeJS.Timeout | undefined;
  if (dispatchSeconds > 0) {
    pump = setInterval(() => {
      const throttle = { ...RETRY, singletonSeconds: dispatchSeconds };
      Promise.all([
        boss.send("dispatch-audit-events", {}, { ...throttle, singletonKey: "dispatch-audit-events:pump" }),
        boss.send("deliver-emails", {}, { ...throttle, singletonKey: "deliver-emails:pump" }),
      ]).catch((error: unknown) => log(`could not queue dispatch: ${String(error)}`));
    }, dispatchSeconds * 1000);
  }

  return {
    boss,
    tick,
    stop: async () => {
      if (timer) clearInterval(timer);
      if (pump) clearInterval(pump);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      options.mailer?.close();
    },
  };
}
