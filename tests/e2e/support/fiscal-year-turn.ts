import postgres from "postgres";

/** The first key of a two-key advisory lock (the application's own locks take one key), naming "a fiscal year's turn". */
const FISCAL_YEAR_LOCK_SPACE = 20_021;

/**
 * Specs that move a fiscal year's money and specs that measure exact changes to it must not overlap when Playwright
 * runs them on two workers: each takes its turn on the year through a PostgreSQL advisory lock, held by a connection
 * of its own until `release` (or the worker's exit) ends it. Different years never wait for each other.
 */
export async function takeTurnOnFiscalYear(startYear: number): Promise<{ release: () => Promise<void> }> {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  // Session-level lock: the one connection keeps it between statements.
  await sql`select pg_advisory_lock(${FISCAL_YEAR_LOCK_SPACE}, ${startYear})`;
  return { release: () => sql.end() };
}
