import { z } from "zod";
import { MEMBERSHIP_CAPABILITIES, normaliseCapabilities, ROLES } from "../roles";
import { uuid } from "./common";
import { emailAddress, singleLine } from "./text";

/** A set of membership capabilities: always includes "view", no duplicates, stable order. */
export const membershipCapabilities = z
  .array(z.enum(MEMBERSHIP_CAPABILITIES, { error: "Not a known capability." }))
  .max(MEMBERSHIP_CAPABILITIES.length, { error: "Not a known capability." })
  .transform((list) => normaliseCapabilities(list));

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/** A partner manager invites a colleague (or an admin invites anyone: the service decides who may invite what). */
export const createInvitationInput = z.object({
  email: emailAddress,
  name: singleLine(200, "the name").default(""),
  role: z.enum(ROLES, { error: "Choose a role." }),
  organisationId: z.uuid({ error: "Choose an organisation." }).nullish(),
  capabilities: membershipCapabilities.default(["view"]),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

/** The token of an invitation link: URL-safe base64, as newInvitationToken makes it. */
export const invitationToken = z
  .string({ error: "This invitation link is incomplete." })
  .min(1, { error: "This invitation link is incomplete." })
  .max(200, { error: "This invitation link is not valid." })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "This invitation link is not valid." });

export const describeInvitationInput = z.object({ token: invitationToken });

export const acceptInvitationInput = z.object({
  token: invitationToken,
  name: singleLine(200, "your name").min(1, { error: "Enter your name." }),
  password: z
    .string({ error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` })
    .min(MIN_PASSWORD_LENGTH, { error: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(MAX_PASSWORD_LENGTH, { error: "The password is too long." })
    .refine((value) => !value.includes("\u0000"), { error: "Remove the control characters from this text." }),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;

export const revokeInvitationInput = z.object({ invitationId: uuid });

export const listMembersInput = z.object({ organisationId: uuid.optional() });

export const updateMemberCapabilitiesInput = z.object({ membershipId: uuid, capabilities: membershipCapabilities });
export type UpdateMemberCapabilitiesInput = z.input<typeof updateMemberCapabilitiesInput>;
