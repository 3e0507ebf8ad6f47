import type { AppName } from "./apps";

export interface ProductionSettings {
  databaseUrl: string;
  authSecret: string;
  portalUrl: string;
  adminUrl: string;
}

const MIN_SECRET_LENGTH = 32;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * What an instance needs in production, every problem named at once (never a secret made up on the spot: instances
 * behind one load balancer must share AUTH_SECRET, so a missing one is an error, not a local file).
 */
export function productionSettings(app: AppName, env: NodeJS.ProcessEnv = process.env): ProductionSettings {
  const problems: string[] = [];
  const required = (name: string, hint: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set (${hint})`);
    return value ?? "";
  };
  const databaseUrl = required("DATABASE_URL", "the app role's postgres:// URL, see DEPLOYING.md");
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push("DATABASE_URL must be a postgres:// or postgresql:// URL");
  const authSecret = required("AUTH_SECRET", "the same on every instance; `openssl rand -base64 33`");
  if (authSecret && authSecret.length < MIN_SECRET_LENGTH)
    problems.push(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  const portalUrl = required("PORTAL_URL", "the portal's public URL, e.g. https://grants.example.gov");
  const adminUrl = required("ADMIN_URL", "the admin console's public URL, e.g. https://grants-admin.example.gov");
  for (const [name, value] of [
    ["PORTAL_URL", portalUrl],
    ["ADMIN_URL", adminUrl],
  ] as const) {
    if (value && !isHttpUrl(value)) problems.push(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (problems.length > 0) {
    throw new Error(`apps/${app} cannot start in production mode:\n  - ${problems.join("\n  - ")}`);
  }
  return { databaseUrl, authSecret, portalUrl, adminUrl };
}
