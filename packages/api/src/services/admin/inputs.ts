import { fiscalYear, IATI_ORGANISATION_TYPES, isIsoDate, paging, ROLES, uuid } from "@portal/domain";
import { z } from "zod";
import { membershipCapabilities } from "../invitations/capabilities";

// The admin console's inputs: shape only. The rules (last admin, who may do what) live in the services.

const IATI_CODES = Object.keys(IATI_ORGANISATION_TYPES).map(Number);

const requiredText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter ${label}.` })
    .max(max, { error: `Keep ${label} under ${max} characters.` });

/** "" and null both mean "none" for optional text typed in a form. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep ${label} under ${max} characters.` })
    .nullish()
    .transform((value) => (value ? value : null));

export const organisationFields = z.object({
  legalNameEn: requiredText(300, "the English legal name"),
  legalNameFr: requiredText(300, "the French legal name"),
  acronym: optionalText(30, "the acronym"),
  iatiType: z.coerce
    .number({ error: "Choose an organisation type." })
    .int()
    .refine((code) => IATI_CODES.includes(code), { error: "Choose an organisation type from the IATI list." }),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^[A-Z]{2}$/.test(value), { error: "Choose a country from the list." }),
  website: z
    .string()
    .trim()
    .max(300, { error: "Keep the website under 300 characters." })
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), {
      error: "Enter the website as an address starting with https://.",
    }),
});
export const createOrganisationInput = organisationFields;
export const updateOrganisationInput = z.object({ id: uuid, data: organisationFields });
export type OrganisationData = z.output<typeof organisationFields>;

export const listOrganisationsInput = paging.extend({
  q: z.string().trim().max(200).optional(),
  iatiType: z.coerce.number().int().optional(),
});

export const byIdInput = z.object({ id: uuid });

export const listUsersInput = paging.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  organisationId: uuid.optional(),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export const inviteUserInput = z.object({
  email: z.string().trim(),
  name: z.string().trim().max(200).default(""),
  role: z.enum(ROLES, { error: "Choose a role." }),
  organisationId: uuid.nullish(),
  capabilities: membershipCapabilities.default(["view"]),
});

export const changeRoleInput = z.object({
  userId: uuid,
  role: z.enum(ROLES, { error: "Choose a role." }),
  /** Needed when someone becomes a partner and belongs to no organisation yet. */
  organisationId: uuid.nullish(),
});

export const setActiveInput = z.object({ userId: uuid, active: z.boolean() });

export const saveMembershipInput = z.object({
  userId: uuid,
  organisationId: uuid,
  capabilities: membershipCapabilities,
});

export const removeMembershipInput = z.object({ userId: uuid, organisationId: uuid });

export const budgetReviewInput = z.object({ fiscalYear });

/** "2001-Q3": the fiscal year a disbursement was paid in and its quarter. */
export const fiscalPeriod = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, { error: "Enter a fiscal quarter such as 2001-Q3." })
  .transform((value) => ({ fiscalYear: Number(value.slice(0, 4)), quarter: Number(value.slice(6)) }));

/** What a drill-down is narrowed to: one allocation, or a fiscal year's allocations, by partner and/or quarter. */
export const budgetDrilldownInput = z
  .object({
    fiscalYear: fiscalYear.optional(),
    allocationId: uuid.optional(),
    organisationId: uuid.optional(),
    period: fiscalPeriod.optional(),
  })
  .refine((input) => input.fiscalYear !== undefined || input.allocationId !== undefined, {
    error: "Choose a fiscal year or an allocation.",
  });
export type BudgetDrilldownInput = z.input<typeof budgetDrilldownInput>;
export type BudgetDrilldownFilters = z.output<typeof budgetDrilldownInput>;

const dateFilter = z.string().refine(isIsoDate, { error: "Enter a date as YYYY-MM-DD." }).optional();

export const auditFilters = z
  .object({
    actorId: uuid.optional(),
    action: z.string().trim().max(100).optional(),
    entityType: z.string().trim().max(50).optional(),
    entityId: z.string().trim().max(100).optional(),
    from: dateFilter,
    to: dateFilter,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "The end date is before the start date." });
export type AuditFilters = z.output<typeof auditFilters>;

export const listAuditInput = z.object({
  filters: auditFilters.default({}),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListAuditInput = z.input<typeof listAuditInput>;
