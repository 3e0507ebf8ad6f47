import { z } from "zod";
import { msg } from "./messages";
import { fiscalYear, paging, uuid } from "./common";
import { searchText } from "./text";

export const GRANT_STATUSES = [
  "draft",
  "submitted",
  "approved",
  "active",
  "closing",
  "closed",
  "cancelled",
  "suspended",
  "terminated",
] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const GRANT_SORTS = ["reference", "recipient", "fiscalYear", "amount", "disbursed", "status", "endsOn"] as const;
export type GrantSort = (typeof GRANT_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The grant list's filters (also what an export of the list honours), without paging or sorting. */
export const grantFilters = z.object({
  q: searchText,
  fiscalYear: fiscalYear.optional(),
  status: z.enum(GRANT_STATUSES).optional(),
  programmeId: uuid.optional(),
  recipientId: uuid.optional(),
  /** The recipient organisation's country (ISO 3166-1 alpha-2). */
  countryCode: z
    .string()
    .max(10, { ...msg("chooseACountry") })
    .trim()
    .regex(/^[A-Za-z]{2}$/, { ...msg("chooseACountry") })
    .transform((code) => code.toUpperCase())
    .optional(),
});

export const grantSorting = z.object({
  sort: z.enum(GRANT_SORTS).default("reference"),
  direction: z.enum(SORT_DIRECTIONS).default("asc"),
});

export const listGrantsInput = paging.extend({ ...grantFilters.shape, ...grantSorting.shape });
export type ListGrantsInput = z.input<typeof listGrantsInput>;
export type GrantListQuery = z.output<typeof listGrantsInput>;

export const grantByIdInput = z.object({ id: uuid });
