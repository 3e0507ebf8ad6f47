import { z } from "zod";
import { msg } from "./messages";
import { MEMBERSHIP_CAPABILITIES, normaliseCapabilities, ROLES } from "../roles";
import { uuid } from "./common";
import { emailAddress, singleLine } from "./text";

/** A set of membership capabilities: always includes "view", no duplicates, stable order. */
export const membershipCapabilities = z
  .array(z.enum(MEMBERSHIP_CAPABILITIES, { ...msg("notAKnownCapability") }))
  .max(MEMBERSHIP_CAPABILITIES.length, { ...msg("notAKnownCapability") })
  .transform((list) => normaliseCapabilities(list));

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** A partner manager invites a colleague (or an admin invites anyone: the service decides who may invite what). */
export const createInvitationInput = z.object({
  email: emailAddress,
  name: singleLine(200, "the name").default(""),
  role: z.enum(ROLES, { ...msg("chooseARole") }),
  organisationId: z.uuid({ ...msg("chooseAnOrganisation") }).nullish(),
  capabilities: membershipCapabilities.default(["view"]),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

/** The token of an invitation link: URL-safe base64, as newInvitationToken makes it. */
export const invitationToken = z
  .string({ ...msg("thisInvitationLinkIsIncomplete") })
  .min(1, { ...msg("thisInvitationLinkIsIncomplete") })
  .max(200, { ...msg("thisInvitationLinkIsNotValid") })
  .regex(/^[A-Za-z0-9_-]+$/, { ...msg("thisInvitationLinkIsNotValid") });

export const describeInvitationInput = z.object({ token: invitationToken });

export const acceptInvitationInput = z.object({
  token: invitationToken,
  name: singleLine(200, "your name").min(1, { ...msg("enterYourName") }),
  password: z
    .string(msg("passwordAtLeast", { min: MIN_PASSWORD_LENGTH }))
    .min(MIN_PASSWORD_LENGTH, msg("passwordAtLeast", { min: MIN_PASSWORD_LENGTH }))
    .max(MAX_PASSWORD_LENGTH, { ...msg("thePasswordIsTooLong") })
    .refine((value) => !value.includes("\u0000"), { ...msg("removeTheControlCharactersFromThisText") }),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;

export const revokeInvitationInput = z.object({ invitationId: uuid });

export const listMembersInput = z.object({ organisationId: uuid.optional() });

export const updateMemberCapabilitiesInput = z.object({ membershipId: uuid, capabilities: membershipCapabilities });
export type UpdateMemberCapabilitiesInput = z.input<typeof updateMemberCapabilitiesInput>;
