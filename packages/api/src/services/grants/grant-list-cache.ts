import { type DbOrTx, grantListVersion, preparedRead } from "@portal/db";
import { PgTransaction } from "drizzle-orm/pg-core";

/*
 * The grant list's total and its filters' choices, kept per scope and filters while `grant_list_version` (migration
 * 0021) is unchanged. Triggers bump that number at the commit of any write the two read (grants added or removed or
 * changing status, recipient or search text; funding lines; allocations; programmes; organisations; countries;
 * officers' programmes and access), so a total is exact whenever it is served, on every instance: each one compares
 * the number with its own entry on every request (one row, where an exact count read every visible grant: ~20 ms
 * at 1M disbursements). Kept per process, not shared: each instance counts once per change.
 */

/** Entries per database handle; the least recently used goes first. */
const MAX_ENTRIES = 500;

interface Entry {
  /** The grant_list_version the value belongs to. */
  version: number;
  value: Promise<unknown>;
}

/** One map per database handle: tests open one database per file in one process, and versions are per database. */
const caches = new WeakMap<DbOrTx, Map<string, Entry>>();

const currentVersion = preparedRead((db) =>
  db.select({ version: grantListVersion.version }).from(grantListVersion).prepare("grant_list_version"),
);

export async function readGrantListVersion(db: DbOrTx): Promise<number> {
  const [row] = await currentVersion(db).execute();
  return row?.version ?? 0;
}

/**
 * The value under `key` if it was computed at the current version, else `compute()`'s. The number is read again once
 * the value is computed, and the value filed only if the number has not moved: then no write the value depends on
 * committed while it was read (the number moves at every such commit), whatever statements `compute` sends.
 * Concurrent misses share one computation. Inside a transaction nothing is cached: its own writes bump the number
 * only when it commits.
 */
export async function cachedForVersion<T>(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return compute();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Entry>()));
  const version = await readGrantListVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key); // re-inserted: a Map keeps insertion order, so its first key is the least recently used
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { version, value: Promise.resolve() };
  const forget = () => {
    if (cache.get(key) === entry) cache.delete(key);
  };
  entry.value = compute().then(
    async (value) => {
      if ((await readGrantListVersion(db)) !== version) forget();
      return value;
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry.value as Promise<T>;
}
