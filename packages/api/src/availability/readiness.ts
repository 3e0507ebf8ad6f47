import { migrationStatus, type MigrationStatus } from "@portal/db/migration-status";
import { getDb } from "@portal/db/runtime";
import { databaseReachable, distrustDatabase } from "./database-probe";

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  migrations: MigrationStatus | null;
}

/** Ready = the database answers and has every migration this build ships (an instance ahead of its schema is not). */
export async function readiness(): Promise<Readiness> {
  if (!(await databaseReachable())) return { ready: false, database: "unreachable", migrations: null };
  try {
    const migrations = await migrationStatus(getDb());
    return { ready: migrations.current, database: "ok", migrations };
  } catch {
    // The probe's success may be up to a second old: without this, pages would pass the gate for that second.
    distrustDatabase();
    return { ready: false, database: "unreachable", migrations: null };
  }
}
