import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { dataRoot } from "./paths";

export interface AuthSecret {
  value: string;
  /** Where it came from, for the start-up message: nobody should mistake a local secret for a production one. */
  source: "environment" | "local file";
}

/**
 * AUTH_SECRET from the environment, or a random one kept in .data/auth-secret so that sessions survive restarts of
 * a local install. Never reused outside this checkout.
 */
export async function resolveAuthSecret(file = path.join(dataRoot, "auth-secret")): Promise<AuthSecret> {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return { value: fromEnv, source: "environment" };
  const stored = (await readFile(file, "utf8").catch(() => "")).trim();
  if (stored) return { value: stored, source: "local file" };
  const value = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  return { value, source: "local file" };
}
