import { can } from "@portal/domain";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";

/**
 * Partnerships and the links between organisations are kept by program officers (who manage the ministry's grants
 * to them) and by admins (who manage organisations). roles.ts has no capability of its own for them yet.
 */
export function canManagePartnerships(actor: Actor): boolean {
  return can(actor.role, "grants.manage") || can(actor.role, "organisations.manage");
}

export function requirePartnershipManager(actor: Actor): void {
  if (!canManagePartnerships(actor)) throw refusal("FORBIDDEN", "noPermission");
}
