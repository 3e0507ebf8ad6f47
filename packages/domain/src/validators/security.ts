import { z } from "zod";
import { uuid } from "./common";

// Inputs of sign-in security: sessions, password change, authenticator enrolment, security settings.

export const userSessionsInput = z.object({ userId: uuid });

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, { error: "Enter your current password." }).max(1024),
  newPassword: z
    .string()
    .min(12, { error: "Use at least 12 characters." })
    .max(256, { error: "Keep the password under 256 characters." }),
});

export const totpCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, { error: "Enter the 6-digit code from your authenticator app." }),
});

export const disableTotpInput = z.object({
  currentPassword: z.string().min(1, { error: "Enter your current password." }).max(1024),
});

export const securitySettingsInput = z.object({ approvalsRequireSecondFactor: z.boolean() });
