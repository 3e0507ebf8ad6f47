import postgres from "postgres";

/** The group role migration 0008 grants row access to; login roles for the apps are made members of it. */
export const RUNTIME_GROUP = "portal_runtime";

export interface LocalRoles {
  /** Owns the database and its schema: migrations, the reference seed, backups. */
  ownerUrl: string;
  /** What the apps connect as: rows only. */
  appUrl: string;
}

export interface ProvisionOptions {
  database?: string;
  owner?: { name: string; password: string };
  app?: { name: string; password: string };
}

const DEFAULTS = {
  database: "portal",
  owner: { name: "portal_owner", password: "portal_owner" },
  app: { name: "portal_app", password: "portal_app" },
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

function withCredentials(serverUrl: string, user: string, password: string, database: string): string {
  const url = new URL(serverUrl);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates, on a server we administer (the embedded one, test clusters), the owner and app login roles, the
 * portal_runtime group and a database owned by the owner; idempotent. On a managed server a DBA runs the equivalent
 * SQL from DEPLOYING.md instead. The passwords here are for servers that listen on 127.0.0.1 only.
 */
export async function provisionLocalRoles(superuserUrl: string, options: ProvisionOptions = {}): Promise<LocalRoles> {
  const database = options.database ?? DEFAULTS.database;
  const owner = options.owner ?? DEFAULTS.owner;
  const app = options.app ?? DEFAULTS.app;
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = async (role: string) => (await sql`select 1 from pg_roles where rolname = ${role}`).length > 0;
    for (const { name, password } of [owner, app]) {
      const verb = (await exists(name)) ? "alter" : "create";
      await sql.unsafe(`${verb} role ${ident(name)} login password ${literal(password)}`);
    }
    if (!(await exists(RUNTIME_GROUP))) await sql.unsafe(`create role ${RUNTIME_GROUP} nologin`);
    await sql.unsafe(`grant ${RUNTIME_GROUP} to ${ident(app.name)}`);
    const [present] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!present) await sql.unsafe(`create database ${ident(database)} owner ${ident(owner.name)}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return {
    ownerUrl: withCredentials(superuserUrl, owner.name, owner.password, database),
    appUrl: withCredentials(superuserUrl, app.name, app.password, database),
  };
}
