import { sql } from "drizzle-orm";
import { getDb } from "@portal/db/runtime";

// A success is trusted this long, so a busy server pays one round trip per second, not one per request. A failure
// is never cached: the next request probes again, so recovery is seen at once.
const TRUST_SUCCESS_MS = 1_000;
const PROBE_TIMEOUT_MS = 3_000;

let lastSuccess = 0;
let pending: Promise<boolean> | null = null;

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS);
      }),
    ]);
    lastSuccess = Date.now();
    return true;
  } catch {
    lastSuccess = 0;
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** A query just failed: stop trusting the last success, so every gate sees the outage from the next request on. */
export function distrustDatabase(): void {
  lastSuccess = 0;
}

/** Whether the database answers; concurrent callers share one probe. */
export function databaseReachable(): Promise<boolean> {
  if (Date.now() - lastSuccess < TRUST_SUCCESS_MS) return Promise.resolve(true);
  pending ??= probe().finally(() => {
    pending = null;
  });
  return pending;
}
