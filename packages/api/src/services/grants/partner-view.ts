/**
 * Fields of grant records that are the ministry's internal bookkeeping: which officer created, approved, recorded or
 * waived something, and the idempotency keys of payments. Partners see the grant, its money and its reports, not these.
 */
export const STAFF_ONLY_FIELDS = [
  "leadOfficerId",
  "createdById",
  "approvedById",
  "recordedById",
  "respondedById",
  "waivedById",
  "idempotencyKey",
] as const;
type StaffOnlyField = (typeof STAFF_ONLY_FIELDS)[number];

/** A record as a partner may receive it: the staff-only fields are left out (so typed as possibly absent). */
export type PartnerSafe<T> = Omit<T, StaffOnlyField> & Partial<Pick<T, Extract<keyof T, StaffOnlyField>>>;

/** The record unchanged for staff; without the staff-only fields for anyone else. */
export function shapedFor<T extends object>(row: T, staff: boolean): PartnerSafe<T> {
  if (staff) return row;
  const copy = { ...row } as Record<string, unknown>;
  for (const field of STAFF_ONLY_FIELDS) delete copy[field];
  return copy as PartnerSafe<T>;
}
