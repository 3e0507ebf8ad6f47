import type { Database } from "@portal/db";
import { getDb } from "@portal/db/runtime";
import { sql } from "drizzle-orm";

// A success is trusted this long, so a busy server pays one round trip per second, not one per request. A failure
// is never cached: the next request probes again, so recovery is seen at once.
const TRUST_SUCCESS_MS = 1_000;
const PROBE_TIMEOUT_MS = 3_000;

interface ProbeState {
  lastSuccess: number;
  pending: Promise<boolean> | null;
}

// Per pool: the process's own, or the one a test hands the HTTP layer.
const states = new WeakMap<Database, ProbeState>();

function stateOf(db: Database): ProbeState {
  let state = states.get(db);
  if (!state) states.set(db, (state = { lastSuccess: 0, pending: null }));
  return state;
}

async function probe(db: Database, state: ProbeState): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), PROBE_TIMEOUT_MS);
      }),
    ]);
    state.lastSuccess = Date.now();
    return true;
  } catch {
    state.lastSuccess = 0;
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** A query just failed: stop trusting the last success, so every gate sees the outage from the next request on. */
export function distrustDatabase(db: Database = getDb()): void {
  stateOf(db).lastSuccess = 0;
}

/** Whether the database answers; concurrent callers share one probe. */
export function databaseReachable(db: Database = getDb()): Promise<boolean> {
  const state = stateOf(db);
  if (Date.now() - state.lastSuccess < TRUST_SUCCESS_MS) return Promise.resolve(true);
  state.pending ??= probe(db, state).finally(() => {
    state.pending = null;
  });
  return state.pending;
}
