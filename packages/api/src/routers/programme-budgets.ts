import { officerBudgetView } from "../services";
import { procedureWith, router } from "../trpc";

/** The officer's read-only view of their programmes' budgets (the admin console edits them). */
export const programmeBudgetsRouter = router({
  mine: procedureWith("grants.manage").query(({ ctx }) => officerBudgetView(ctx.db, ctx.actor)),
});
