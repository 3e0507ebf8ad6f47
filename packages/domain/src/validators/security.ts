import { z } from "zod";
import { msg } from "./messages";
import { uuid } from "./common";

// Inputs of sign-in security: sessions, password change, authenticator enrolment, security settings.

export const userSessionsInput = z.object({ userId: uuid });

export const changePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, { ...msg("enterYourCurrentPassword") })
    .max(1024),
  newPassword: z
    .string()
    .min(12, { ...msg("useAtLeast12Characters") })
    .max(256, { ...msg("keepThePasswordUnder256Characters") }),
});

export const totpCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, { ...msg("enterThe6DigitCodeFromYour") }),
});

export const disableTotpInput = z.object({
  currentPassword: z
    .string()
    .min(1, { ...msg("enterYourCurrentPassword") })
    .max(1024),
});

export const securitySettingsInput = z.object({ approvalsRequireSecondFactor: z.boolean() });
