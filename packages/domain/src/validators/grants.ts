import { z } from "zod";
import { fiscalYear, paging, uuid } from "./common";

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

export const GRANT_SORTS = ["reference", "recipient", "amount", "status"] as const;

export const listGrantsInput = paging.extend({
  q: z.string().trim().max(200).optional(),
  fiscalYear: fiscalYear.optional(),
  status: z.enum(GRANT_STATUSES).optional(),
  programmeId: uuid.optional(),
  recipientId: uuid.optional(),
  sort: z.enum(GRANT_SORTS).default("reference"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type ListGrantsInput = z.input<typeof listGrantsInput>;

export const grantByIdInput = z.object({ id: uuid });
