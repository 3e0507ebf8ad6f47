/**
 * The admin console's navigation: one entry per line, so features add their own without touching the layout.
 * `label` is a key in the `nav` message namespace.
 */
export const NAVIGATION: {
  href: string;
  label:
    "budgets" | "budgetAdministration" | "adminOrganisations" | "adminUsers" | "adminAudit" | "adminJobs" | "adminIati";
}[] = [
  { href: "/budgets", label: "budgets" },
  { href: "/budget-administration", label: "budgetAdministration" },
  { href: "/organisations", label: "adminOrganisations" },
  { href: "/users", label: "adminUsers" },
  { href: "/audit", label: "adminAudit" },
  { href: "/jobs", label: "adminJobs" },
  { href: "/iati", label: "adminIati" },
];
