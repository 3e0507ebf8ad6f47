import { z } from "zod";

const mailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^smtps?:\/\/[^\s]+$/.test(value), {
      error: "SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps://...)",
    }),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .default("Mine Action Grants <no-reply@localhost>")
    .refine((value) => /@/.test(value), { error: "MAIL_FROM must contain an e-mail address" }),
  MAIL_REPLY_TO: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || z.email().safeParse(value).success, {
      error: "MAIL_REPLY_TO must be an e-mail address",
    }),
});

export interface MailEnv {
  smtpUrl: string | undefined;
  from: string;
  replyTo: string | undefined;
}

/** The worker's mail settings, validated; a bad value stops the worker with the variable's name. */
export function mailEnv(env: NodeJS.ProcessEnv = process.env): MailEnv {
  const parsed = mailEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".")}: ${issue.message}`);
  }
  return { smtpUrl: parsed.data.SMTP_URL, from: parsed.data.MAIL_FROM, replyTo: parsed.data.MAIL_REPLY_TO };
}
