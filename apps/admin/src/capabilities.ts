/** A partner membership's capabilities (the database enum membership_capability), in display order. */
export const MEMBERSHIP_CAPABILITIES = ["view", "submit_reports", "manage_payment_requests", "manage_members"] as const;
export type MembershipCapability = (typeof MEMBERSHIP_CAPABILITIES)[number];
