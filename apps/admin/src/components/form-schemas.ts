import { MAX_EMAIL_LENGTH, singleLine } from "@portal/domain";
import { z } from "zod";

/**
 * The console forms' schemas, in a module of their own: the forms load it (and zod with it) after the page has
 * hydrated (useLazySchema), so the page's first-load JavaScript carries no validator.
 */

export function inviteSchema(m: { invalidEmail: string; chooseRole: string; chooseOrganisation: string }) {
  return z
    .object({
      email: z.string().max(MAX_EMAIL_LENGTH, { message: m.invalidEmail }).trim().email({ message: m.invalidEmail }),
      name: singleLine(200),
      role: z.string().min(1, { message: m.chooseRole }),
      organisationId: z.string(),
      capabilities: z.array(z.string()),
    })
    .refine((v) => v.role !== "partner" || v.organisationId !== "", {
      path: ["organisationId"],
      message: m.chooseOrganisation,
    });
}

export function organisationSchema(m: {
  enterLegalNameEn: string;
  enterLegalNameFr: string;
  acronymTooLong: string;
  chooseType: string;
  invalidWebsite: string;
}) {
  return z.object({
    legalNameEn: z.string().trim().min(1, { message: m.enterLegalNameEn }).max(300),
    legalNameFr: z.string().trim().min(1, { message: m.enterLegalNameFr }).max(300),
    acronym: z.string().trim().max(30, { message: m.acronymTooLong }),
    iatiType: z.string().min(1, { message: m.chooseType }),
    countryCode: z.string(),
    website: z
      .string()
      .trim()
      .refine((value) => value === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), {
        message: m.invalidWebsite,
      }),
  });
}
