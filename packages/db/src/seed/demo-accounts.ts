import type { Role } from "@portal/domain";
import type { membershipCapability } from "../schema";
import type { OrganisationSlug } from "./organisations";
import type { ProgrammeCode } from "./programmes";

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
  /** The programmes an officer manages (an officer with none manages nothing); empty for everyone else. */
  programmes: readonly ProgrammeCode[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@example.org",
    role: "admin",
    name: "Alex Admin",
    organisationSlug: null,
    capabilities: [],
    programmes: [],
  },
  {
    email: "officer@example.org",
    role: "officer",
    name: "Olivia Officer",
    organisationSlug: null,
    capabilities: [],
    // The whole Fund: both of its programmes (MAPP and MMP).
    programmes: ["CLF"],
  },
  // A second officer so payments and grants can be approved by someone other than their creator (four eyes).
  {
    email: "officer2@example.org",
    role: "officer",
    name: "Omar Officer",
    organisationSlug: null,
    capabilities: [],
    programmes: ["CLF"],
  },
  // An officer of the Mine Monitoring Program only: MAPP's grants are read-only for them (officer scope).
  {
    email: "officer3@example.org",
    role: "officer",
    name: "Mina Monitor",
    organisationSlug: null,
    capabilities: [],
    programmes: ["MMP"],
  },
  {
    email: "partner@icbl.example.org",
    role: "partner",
    name: "Pat Partner",
    organisationSlug: "icbl",
    capabilities: ["view", "submit_reports", "manage_members"],
    programmes: [],
  },
  {
    email: "partner@mac.example.org",
    role: "partner",
    name: "Morgan Partner",
    organisationSlug: "mac",
    capabilities: ["view", "submit_reports"],
    programmes: [],
  },
];

export const ADMIN_EMAIL = "admin@example.org";
export const OFFICER_EMAIL = "officer@example.org";
export const SECOND_OFFICER_EMAIL = "officer2@example.org";
export const MMP_OFFICER_EMAIL = "officer3@example.org";
export const ICBL_PARTNER_EMAIL = "partner@icbl.example.org";
export const MAC_PARTNER_EMAIL = "partner@mac.example.org";
