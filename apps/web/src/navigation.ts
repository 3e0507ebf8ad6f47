import type { Role } from "@portal/domain";

/**
 * The portal's navigation per role: one entry per line, so features add their own without touching the layout.
 * `label` is a key in the `nav` message namespace.
 */
export const NAVIGATION: { href: string; label: string; roles: readonly Role[] }[] = [
  { href: "/dashboard", label: "dashboard", roles: ["officer", "admin"] },
  { href: "/partner", label: "workspace", roles: ["partner"] },
  { href: "/grants", label: "grants", roles: ["officer", "admin"] },
  { href: "/grants", label: "myGrants", roles: ["partner"] },
  { href: "/conferences", label: "conferences", roles: ["officer", "admin"] },
  { href: "/organisations", label: "organisations", roles: ["officer", "admin"] },
  { href: "/organisations/mine", label: "myOrganisation", roles: ["partner"] },
  { href: "/treaty", label: "treaty", roles: ["officer", "admin"] },
  { href: "/annual-report", label: "annualReport", roles: ["officer", "admin"] },
  { href: "/budget", label: "budgets", roles: ["officer"] },
  { href: "/reports", label: "reports", roles: ["officer", "admin", "partner"] },
  { href: "/members", label: "members", roles: ["partner"] },
];

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = { admin: "/grants", officer: "/dashboard", partner: "/partner" };
