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

export function printReady(info: ReadyInfo): void {
  const lines = [
    "",
    `Portal:         ${info.portalUrl}`,
    `Admin console:  ${info.adminUrl}`,
    `Database:       ${info.database}`,
    "",
    `Demo accounts (development only), password "${info.demoPassword}":`,
    ...describeAccounts(info.demoAccounts).map((line) => `  ${line}`),
    "",
    "Ctrl-C stops the apps and the database.",
    "",
  ];
  console.log(lines.join("\n"));
}
