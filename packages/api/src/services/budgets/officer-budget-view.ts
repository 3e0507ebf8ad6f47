import { type DbOrTx, officerProgrammes, programmes } from "@portal/db";
import { asc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { programmeBudget } from "../budget-administration/programme-budget";

/**
 * The officer's read-only budget view: for each programme they are assigned to, per fiscal year what was allocated
 * (the budget), committed, disbursed and is still available, read by the admin's own programme budget (a fund with
 * its programmes' sums and each programme on its own). An officer with no programme gets an empty list.
 */
export async function officerBudgetView(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "grants.manage");
  const assigned = await db
    .select({ id: programmes.id })
    .from(officerProgrammes)
    .innerJoin(programmes, eq(programmes.id, officerProgrammes.programmeId))
    .where(eq(officerProgrammes.userId, actor.userId))
    .orderBy(asc(programmes.code));
  return {
    programmes: await Promise.all(assigned.map((programme) => programmeBudget(db, actor, programme.id))),
  };
}
