import type { Database } from "@portal/db";
import { RUNTIME_GROUP } from "@portal/db/roles";
import { sql } from "drizzle-orm";

/**
 * The admin console's jobs page reads pg-boss's tables as the apps' least-privilege role, while pg-boss creates them
 * as the worker's (owner) role. So the worker grants that role read access once the schema exists, and by default on
 * the queue tables it adds later. Nothing here lets the apps change a job. (Migration 0008 creates the group role.)
 */
export async function grantRuntimeReadOfJobs(db: Database): Promise<void> {
  await db.execute(sql.raw(`grant usage on schema pgboss to ${RUNTIME_GROUP}`));
  await db.execute(sql.raw(`grant select on all tables in schema pgboss to ${RUNTIME_GROUP}`));
  await db.execute(sql.raw(`alter default privileges in schema pgboss grant select on tables to ${RUNTIME_GROUP}`));
}
