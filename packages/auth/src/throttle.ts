import { type DbOrTx, signInThrottle } from "@portal/db";
import { and, gt, inArray, sql } from "drizzle-orm";

/**
 * Failed sign-ins are counted per account and per client address in the database, so every app instance sees the
 * same counts. Past the free attempts a key is blocked, the wait doubling with each further failure; a success clears
 * the account's count (not the address's: one good password must not unlock guessing at other accounts).
 */
export const THROTTLE_RULES = {
  account: { free: 5, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
  address: { free: 30, firstWaitSeconds: 60, maxWaitSeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
} as const;

type Kind = keyof typeof THROTTLE_RULES;
export const throttleKey = (kind: Kind, value: string) => `${kind}:${value.toLowerCase().slice(0, 300)}`;

/** Seconds until the longest block among the keys ends, or 0 when none is blocked. */
export async function throttleWait(db: DbOrTx, keys: string[]): Promise<number> {
  const [row] = await db
    .select({
      wait: sql<number>`coalesce(ceil(extract(epoch from max(${signInThrottle.blockedUntil}) - now())), 0)::int`,
    })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.blockedUntil, sql`now()`)));
  return Math.max(0, row?.wait ?? 0);
}

/** One atomic upsert per key: concurrent failures on several instances each count. */
export async function recordFailure(db: DbOrTx, kind: Kind, key: string): Promise<void> {
  const rule = THROTTLE_RULES[kind];
  await db.execute(sql`
    insert into sign_in_throttle as t (key, failures, last_failure_at, blocked_until)
    values (${key}, 1, now(), null)
    on conflict (key) do update set
      failures = case when t.last_failure_at < now() - make_interval(secs => ${rule.forgetAfterSeconds})
                      then 1 else t.failures + 1 end,
      last_failure_at = now()
  `);
  await db.execute(sql`
    update sign_in_throttle
       set blocked_until = now() + make_interval(secs => least(${rule.maxWaitSeconds},
             ${rule.firstWaitSeconds} * power(2, failures - ${rule.free} - 1)))
     where key = ${key} and failures > ${rule.free}
  `);
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [key]));
}
