import type { Role } from "@portal/domain";
import type { membershipCapability } from "../schema";
import type { OrganisationSlug } from "./organisations";

/** Shared by every demo account; printed by the launcher and used by the tests. Never for a real deployment. */
export const DEMO_PASSWORD = "demo-password-2001";

export type MembershipCapability = (typeof membershipCapability.enumValues)[number];

export interface DemoAccount {
  email: string;
  role: Role;
  /** ILLUSTRATIVE people: the names are made up. */
  name: string;
  /** The organisation a partner acts for; null for ministry staff. */
  organisationSlug: OrganisationSlug | null;
  /** What a partner may do for that organisation; empty for ministry staff. */
  capabilities: readonly MembershipCapability[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@example.org",
    role: "admin",
    name: "Alex Admin",
    organisationSlug: null,
    capabilities: [],
  },
  {
    email: "officer@example.org",
    role: "officer",
    name: "Olivia Officer",
    organisationSlug: null,
    capabilities: [],
  },
  // A second officer so payments and grants can be approved by someone other than their creator (four eyes).
  {
    email: "officer2@example.org",
    role: "officer",
    name: "Omar Officer",
    organisationSlug: null,
    capabilities: [],
  },
  {
    email: "partner@icbl.example.org",
    role: "partner",
    name: "Pat Partner",
    organisationSlug: "icbl",
    capabilities: ["view", "submit_reports", "manage_members"],
  },
  {
    email: "partner@mac.example.org",
    role: "partner",
    name: "Morgan Partner",
    organisationSlug: "mac",
    capabilities: ["view", "submit_reports"],
  },
];

export const ADMIN_EMAIL = "admin@example.org";
export const OFFICER_EMAIL = "officer@example.org";
export const SECOND_OFFICER_EMAIL = "officer2@example.org";
export const ICBL_PARTNER_EMAIL = "partner@icbl.example.org";
export const MAC_PARTNER_EMAIL = "partner@mac.example.org";
