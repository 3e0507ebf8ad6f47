function field(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "string" && value) return value;
    if (Array.isArray(value) && value.length) return value.join(", ");
  }
  return undefined;
}

/** One line per account, whatever exact shape the seed gives its list (an array, or an object keyed by role). */
export function describeAccounts(accounts: unknown): string[] {
  const entries: [string | null, unknown][] = Array.isArray(accounts)
    ? accounts.map((account) => [null, account])
    : accounts && typeof accounts === "object"
      ? Object.entries(accounts)
      : [];
  return entries.map(([key, account]) => {
    if (typeof account === "string") return key ? `${key}: ${account}` : account;
    const record = (account ?? {}) as Record<string, unknown>;
    const email = field(record, "email", "username", "login") ?? "?";
    const role = field(record, "role", "roles") ?? key;
    const details = [
      role,
      field(record, "name", "displayName"),
      field(record, "organisationSlug", "organisation", "organization"),
    ]
      .filter(Boolean)
      .join(", ");
    return details ? `${email.padEnd(36)} ${details}` : email;
  });
}

export interface ReadyInfo {
  portalUrl: string;
  adminUrl: string;
  database: string;
  demoAccounts: unknown;
  demoPassword: string;
}

function demoLines(info: ReadyInfo): string[] {
  const accounts = describeAccounts(info.demoAccounts);
  if (accounts.length === 0) {
    return [
      "No demo data (a configured database). Create the first admin with: npm run admin:create -- --email ...",
      "",
    ];
  }
  return [
    `Demo accounts (development only), password "${info.demoPassword}":`,
    ...accounts.map((line) => `  ${line}`),
    "",
  ];
}

export function printReady(info: ReadyInfo): void {
  const lines = [
    "",
    `Portal:         ${info.portalUrl}`,
    `Admin console:  ${info.adminUrl}`,
    `Database:       ${info.database}`,
    "",
    ...demoLines(info),
    "Ctrl-C stops the apps and the database.",
    "",
  ];
  console.log(lines.join("\n"));
}
