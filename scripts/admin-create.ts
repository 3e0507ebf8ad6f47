/**
 * `npm run admin:create -- --email ops@ministry.example [--name "Operations"]`: the first admin of a deployment.
 * The password is read from PORTAL_ADMIN_PASSWORD, or asked for (twice, not echoed) when run in a terminal; it never
 * appears on the command line, where `ps` and shell history would keep it.
 */
import { createDb } from "@portal/db/client";
import { createAdminAccount } from "../packages/api/src/services/admin/create-admin-account";
import { openDatabase } from "./lib/database";
import { say, warn } from "./lib/log";
import { promptHidden } from "./lib/prompt";

function parseArgs(argv: string[]): { email: string; name: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag !== "--email" && flag !== "--name") throw new Error(`Unknown option ${arg} (--email, --name)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const email = values.get("--email");
  if (!email) throw new Error("usage: npm run admin:create -- --email you@example.org [--name 'Your Name']");
  return { email, name: values.get("--name") ?? email.split("@")[0] ?? email };
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PORTAL_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error("Set PORTAL_ADMIN_PASSWORD, or run this in a terminal to be asked.");
  const first = await promptHidden("Password for the new admin (12 characters or more): ");
  const second = await promptHidden("The same password again: ");
  if (first !== second) throw new Error("The two passwords differ.");
  return first;
}

async function main(): Promise<void> {
  const { email, name } = parseArgs(process.argv.slice(2));
  const password = await readPassword();
  const database = await openDatabase({ reuseRunning: true });
  const db = createDb(database.appUrl, { max: 1 });
  try {
    const admin = await createAdminAccount(db, { email, name, password });
    say(`admin ${admin.email} created (id ${admin.id}): sign in to the admin console`);
  } finally {
    await db.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const field = (error as { field?: string }).field;
  warn(`${field ? `${field}: ` : ""}${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
