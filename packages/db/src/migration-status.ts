import { sql } from "drizzle-orm";
import type { Database } from "./client";
import journal from "../migrations/meta/_journal.json" with { type: "json" };

export interface MigrationStatus {
  /** Migrations recorded in the database. */
  applied: number;
  /** Migrations this build ships. */
  expected: number;
  /** Every shipped migration is applied (drizzle applies them in `when` order, so the latest one tells). */
  current: boolean;
}

const latestShipped = Math.max(...journal.entries.map((entry) => entry.when));

/** Compares drizzle's record of applied migrations with the journal bundled into this build. */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const rows = await db
    .execute<{ applied: number; latest: string | null }>(
      sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
    )
    .catch((error: unknown) => {
      // No migration table yet: nothing applied. Anything else (unreachable, refused) is the caller's to report.
      if ((error as { code?: string }).code === "42P01" || (error as { code?: string }).code === "3F000") return [];
      throw error;
    });
  const row = rows[0];
  const applied = row?.applied ?? 0;
  const latest = row?.latest ? Number(row.latest) : 0;
  return { applied, expected: journal.entries.length, current: latest >= latestShipped };
}
