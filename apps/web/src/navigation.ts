import type { Role } from "@portal/domain";

/**
 * The portal's navigation per role: one entry per line, so features add their own without touching the layout.
 * `label` is a key in the `nav` message namespace.
 */
export const NAVIGATION: { href: string; label: string; roles: readonly Role[] }[] = [
  { href: "/grants", label: "grants", roles: ["officer", "admin"] },
  { href: "/grants", label: "myGrants", roles: ["partner"] },
];

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = { admin: "/grants", officer: "/grants", partner: "/grants" };
