/**
 * Fixed choices that forms offer and validators enforce (database enums), kept apart from the validators so that a
 * page can list them without shipping zod: the forms' schemas load after hydration, their select options do not.
 */

/** The kinds of standing relationship between the ministry and an organisation (the partnership_kind enum). */
export const PARTNERSHIP_KINDS = ["civil_society", "state", "international_organisation"] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** Directed links between organisations, "from kind to" (the organisation_relation_kind enum). */
export const ORGANISATION_RELATION_KINDS = [
  "member_of",
  "coordination_committee_member_of",
  "core_group_member_of",
  "steering_committee_member_of",
  "runs",
  "regional_coordinator_for",
] as const;
export type OrganisationRelationKind = (typeof ORGANISATION_RELATION_KINDS)[number];

/** How the ministry pays for a conference: not at all (yet), through a grant, or as a direct cost on an allocation. */
export const CONFERENCE_FUNDING_KINDS = ["none", "grant", "direct"] as const;
export type ConferenceFundingKind = (typeof CONFERENCE_FUNDING_KINDS)[number];
