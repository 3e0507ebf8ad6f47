import { MAX_EMAIL_LENGTH, MEMBERSHIP_CAPABILITIES, singleLine } from "@portal/domain";
import { z } from "zod";

/**
 * The member forms' schemas, in a module of their own: the forms load it (and zod with it) after the page has
 * hydrated (useLazySchema), so the page's first-load JavaScript carries no validator.
 */

export function inviteColleagueSchema(m: { emailInvalid: string }) {
  return z.object({
    email: z
      .string()
      .max(MAX_EMAIL_LENGTH, { error: m.emailInvalid })
      .trim()
      .pipe(z.email({ error: m.emailInvalid })),
    name: singleLine(200),
    capabilities: z.array(z.enum(MEMBERSHIP_CAPABILITIES)),
  });
}

export function acceptInvitationSchema(
  minPassword: number,
  m: { nameRequired: string; nameTooLong: string; passwordTooShort: string; passwordsDiffer: string },
) {
  return z
    .object({
      name: z.string().trim().min(1, { error: m.nameRequired }).max(200, { error: m.nameTooLong }),
      password: z.string().min(minPassword, { error: m.passwordTooShort }).max(1024),
      confirm: z.string(),
    })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], error: m.passwordsDiffer });
}
