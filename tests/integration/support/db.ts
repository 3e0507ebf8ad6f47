import { randomBytes } from "node:crypto";
import { createDb, type Database } from "@portal/db";
import postgres from "postgres";
import { inject } from "vitest";
import "./context";
import { databaseUrl, quoteIdentifier } from "./database-url";

export interface TestDatabase {
  db: Database;
  url: string;
  /** Closes the pool and drops the database; call it in afterAll. */
  drop: () => Promise<void>;
}

// Any fixed key: serialises building the seeded template across test workers (lock held in the admin database).
const SEEDED_TEMPLATE_LOCK = 4_172_630_120;

let admin: postgres.Sql | undefined;
function adminClient(): postgres.Sql {
  // idle_timeout lets a worker exit without an explicit end().
  admin ??= postgres(inject("testDatabaseAdminUrl"), { max: 1, idle_timeout: 2, onnotice: () => {} });
  return admin;
}

let counter = 0;
async function cloneDatabase(template: string): Promise<TestDatabase> {
  const name = `${inject("testDatabasePrefix")}${process.pid}_${++counter}_${randomBytes(3).toString("hex")}`;
  await adminClient().unsafe(`create database ${quoteIdentifier(name)} template ${quoteIdentifier(template)}`);
  const url = databaseUrl(inject("testDatabaseAdminUrl"), name);
  const db = createDb(url, { max: 5 });
  let dropped = false;
  return {
    db,
    url,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await db.close();
      await adminClient().unsafe(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    },
  };
}

/** A fresh database with every migration applied and no rows, private to the caller. */
export function createTestDatabase(): Promise<TestDatabase> {
  return cloneDatabase(inject("testTemplateDatabase"));
}

let seededTemplate: Promise<void> | undefined;

/**
 * The seeded template is built once per run, by whichever worker asks first (others wait on an advisory lock), and
 * renamed into place only when complete, so a failed seed is retried rather than cloned.
 */
function ensureSeededTemplate(): Promise<void> {
  seededTemplate ??= (async () => {
    const serverUrl = inject("testDatabaseAdminUrl");
    const seeded = inject("testSeededTemplateDatabase");
    const building = `${seeded}_building`;
    // A client of its own: the session lock must outlive the seeding, and the shared client may idle out meanwhile.
    const lock = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${SEEDED_TEMPLATE_LOCK})`;
      const [exists] = await lock`select 1 from pg_database where datname = ${seeded}`;
      if (exists) return;
      await lock.unsafe(`drop database if exists ${quoteIdentifier(building)} with (force)`);
      await lock.unsafe(
        `create database ${quoteIdentifier(building)} template ${quoteIdentifier(inject("testTemplateDatabase"))}`,
      );
      const db = createDb(databaseUrl(serverUrl, building), { max: 2 });
      try {
        const { DEMO_2002_SNAPSHOT, seed } = await import("@portal/db/seed");
        // Dated as the FY 2002-2003 work in progress the tests' fixtures use; living-demo.test.ts seeds present days.
        await seed(db, { demo: true, today: DEMO_2002_SNAPSHOT });
      } finally {
        await db.close();
      }
      await lock.unsafe(`alter database ${quoteIdentifier(building)} rename to ${quoteIdentifier(seeded)}`);
    } finally {
      await lock.end({ timeout: 5 }); // ending the session releases the lock
    }
  })();
  seededTemplate.catch(() => {
    seededTemplate = undefined; // let a later caller retry instead of replaying the failure
  });
  return seededTemplate;
}

/** A fresh database with migrations and the demo seed (the same data `npm start` shows), private to the caller. */
export async function seededTestDatabase(): Promise<TestDatabase> {
  await ensureSeededTemplate();
  return cloneDatabase(inject("testSeededTemplateDatabase"));
}

export interface RaceDatabase {
  /** The clone's own small pool: fixtures and the checks after a race. */
  setup: Database;
  /** A pool of 20, big enough that many requests at once really overlap. */
  db: Database;
  /** Closes both pools and drops the database; call it in afterAll. */
  drop: () => Promise<void>;
}

/** A seeded database for the concurrency tests: requests race through `db`, fixtures and checks use `setup`. */
export async function seededRaceDatabase(): Promise<RaceDatabase> {
  const test = await seededTestDatabase();
  const db = createDb(test.url, { max: 20 });
  return {
    setup: test.db,
    db,
    drop: async () => {
      await db.close();
      await test.drop();
    },
  };
}
