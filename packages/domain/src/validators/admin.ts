import { z } from "zod";
import { msg } from "./messages";
import { IATI_ORGANISATION_TYPES } from "../iati";
import { ROLES } from "../roles";
import { fiscalYear, isoDate, paging, uuid } from "./common";
import { membershipCapabilities } from "./memberships";
import { emailAddress, nullableLine, requiredLine, searchText, singleLine, webUrl } from "./text";

// The admin console's inputs: shape only. The rules (last admin, who may do what) live in the services.

const IATI_CODES = Object.keys(IATI_ORGANISATION_TYPES).map(Number);

export const organisationFields = z.object({
  legalNameEn: requiredLine(300, "the English legal name"),
  legalNameFr: requiredLine(300, "the French legal name"),
  acronym: nullableLine(30, "the acronym"),
  iatiType: z.coerce
    .number({ ...msg("chooseAnOrganisationType") })
    .int({ ...msg("chooseAnOrganisationTypeFromTheIati") })
    .refine((code) => IATI_CODES.includes(code), { ...msg("chooseAnOrganisationTypeFromTheIati") }),
  countryCode: z
    .string()
    .max(10, { ...msg("chooseACountryFromTheList") })
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^[A-Z]{2}$/.test(value), { ...msg("chooseACountryFromTheList") }),
  website: z
    .union([z.literal(""), webUrl])
    .nullish()
    .transform((value) => (value ? value : null)),
});
export const createOrganisationInput = organisationFields;
export const updateOrganisationInput = z.object({ id: uuid, data: organisationFields });
export type OrganisationData = z.output<typeof organisationFields>;

export const listOrganisationsInput = paging.extend({
  q: searchText,
  iatiType: z.coerce
    .number()
    .int()
    .refine((code) => IATI_CODES.includes(code), { ...msg("chooseAnOrganisationTypeFromTheIati") })
    .optional(),
});

export const byIdInput = z.object({ id: uuid });

export const listUsersInput = paging.extend({
  q: searchText,
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  organisationId: uuid.optional(),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export const inviteUserInput = z.object({
  email: emailAddress,
  name: singleLine(200, "the name").default(""),
  role: z.enum(ROLES, { ...msg("chooseARole") }),
  organisationId: uuid.nullish(),
  capabilities: membershipCapabilities.default(["view"]),
});

export const changeRoleInput = z.object({
  userId: uuid,
  role: z.enum(ROLES, { ...msg("chooseARole") }),
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
  .max(10, { ...msg("enterAFiscalQuarterSuchAs2001") })
  .regex(/^\d{4}-Q[1-4]$/, { ...msg("enterAFiscalQuarterSuchAs2001") })
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
    ...msg("chooseAFiscalYearOrAnAllocation"),
  });
export type BudgetDrilldownInput = z.input<typeof budgetDrilldownInput>;
export type BudgetDrilldownFilters = z.output<typeof budgetDrilldownInput>;

const dateFilter = isoDate.optional();

export const auditFilters = z
  .object({
    actorId: uuid.optional(),
    action: singleLine(100, "the action").optional(),
    entityType: singleLine(50, "the kind of record").optional(),
    entityId: singleLine(100, "the record").optional(),
    /** Free text: words of the action, the record's id or snapshot values, a grant's reference or title. */
    q: searchText,
    from: dateFilter,
    to: dateFilter,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], ...msg("theEndDateIsBeforeTheStart") });
export type AuditFilters = z.output<typeof auditFilters>;

export const listAuditInput = z.object({
  filters: auditFilters.default({}),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListAuditInput = z.input<typeof listAuditInput>;
