/** The three kinds of user; a partner acts for the organisations they are a member of. */
export const ROLES = ["admin", "officer", "partner"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a partner may do at one organisation (the membership_capability enum), in display order. "view" is part of
 * every membership (the database insists).
 */
export const MEMBERSHIP_CAPABILITIES = ["view", "submit_reports", "manage_payment_requests", "manage_members"] as const;
export type MembershipCapability = (typeof MEMBERSHIP_CAPABILITIES)[number];

/** A set of membership capabilities with "view", no duplicates, in display order. */
export function normaliseCapabilities(list: readonly MembershipCapability[]): MembershipCapability[] {
  const wanted = new Set<MembershipCapability>(["view", ...list]);
  return MEMBERSHIP_CAPABILITIES.filter((c) => wanted.has(c));
}

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
  "budgets.manage",
  "organisations.manage",
  "users.manage",
  "audit.read",
  "conferences.manage",
  "iati.publish",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  // Segregation of duties: admins run the console (people, organisations, budgets, the audit log). Acting on grants
  // and money, including being the second pair of eyes on an approval, takes an officer.
  admin: ["grants.view.all", "budgets.review", "budgets.manage", "organisations.manage", "users.manage", "audit.read"],
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
