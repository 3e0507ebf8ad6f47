/** The three kinds of user; a partner acts for the organisations they are a member of. */
export const ROLES = ["admin", "officer", "partner"] as const;
export type Role = (typeof ROLES)[number];

/** Named capabilities, mapped from roles in this one place. Routers and services ask for capabilities, not roles. */
export const CAPABILITIES = [
  "grants.view.all",
  "grants.view.own-organisation",
  "grants.manage",
  "grants.approve",
  "disbursements.record",
  "payments.approve",
  "reports.submit",
  "reports.review",
  "budgets.review",
  "organisations.manage",
  "users.manage",
  "audit.read",
  "conferences.manage",
  "iati.publish",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: [
    "grants.view.all",
    "budgets.review",
    "organisations.manage",
    "users.manage",
    "audit.read",
    "grants.approve",
    "payments.approve",
  ],
  officer: [
    "grants.view.all",
    "grants.manage",
    "grants.approve",
    "disbursements.record",
    "payments.approve",
    "reports.review",
    "budgets.review",
    "conferences.manage",
    "iati.publish",
  ],
  partner: ["grants.view.own-organisation", "reports.submit"],
};

export function capabilitiesOf(role: Role): readonly Capability[] {
  return ROLE_CAPABILITIES[role];
}

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}
