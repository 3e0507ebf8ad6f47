/**
 * PostgreSQL errors reach us wrapped (drizzle's DrizzleQueryError has the driver's error as its cause), so look down
 * the cause chain for the SQLSTATE and the constraint that fired.
 */
function postgresErrorOf(error: unknown): { code?: string; constraint_name?: string } | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && "code" in current && typeof current.code === "string") {
      return current as { code?: string; constraint_name?: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** True for a unique violation (23505), optionally only of the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresErrorOf(error);
  return pg?.code === "23505" && (constraint === undefined || pg.constraint_name === constraint);
}
