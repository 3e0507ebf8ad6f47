import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Local state that must survive restarts (database, session secret) and never be committed. */
export const dataRoot = path.join(repoRoot, ".data");
export const embeddedDataDir = path.join(dataRoot, "pg");
export const runDir = path.join(dataRoot, "run");

/** Tools are spawned from node_modules/.bin directly: through npx, signals did not reach the dev servers. */
export function bin(name: string): string {
  return path.join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
}
