import { type DbOrTx, memberships } from "@portal/db";
import { can } from "@portal/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";

/**
 * Who may hand in a grant's report: a member of the recipient organisation whose membership carries submit_reports
 * (a partner organisation decides which of its people report), or a program officer doing it on the partner's behalf.
 */
export async function maySubmitReports(db: DbOrTx, actor: Actor, organisationId: string): Promise<boolean> {
  if (can(actor.role, "grants.manage")) return true;
  if (!can(actor.role, "reports.submit") || !actor.organisationIds.includes(organisationId)) return false;
  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, actor.userId),
        eq(memberships.organisationId, organisationId),
        sql`'submit_reports' = any(${memberships.capabilities})`,
      ),
    );
  return membership !== undefined;
}

/** Whether the actor could submit some report at all (decides FORBIDDEN before anything is looked up). */
export function mightSubmitReports(actor: Actor): boolean {
  return can(actor.role, "grants.manage") || can(actor.role, "reports.submit");
}
