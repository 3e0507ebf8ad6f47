import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

// Any fixed 64-bit key works; it only has to be the same for every process migrating the same database
// (advisory locks are scoped to a database, so migrating different databases never waits).
const MIGRATION_LOCK_KEY = 4_172_630_119;

/**
 * Applies the committed migrations in packages/db/migrations. Two processes migrating at once (two apps, test
 * workers) made drizzle fail about 1 run in 9 with 23505 on pg_type; under a session advisory lock the second caller
 * waits, then finds nothing left to apply.
 */
export async function migrateDatabase(url: string, options: { migrationsFolder?: string } = {}): Promise<void> {
  // One connection: the advisory lock belongs to the session, so the migration must run on that same session.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle(client), { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
