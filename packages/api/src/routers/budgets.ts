import { budgetOverviewInput } from "@portal/domain";
import { budgetOverview, fiscalYearsWithBudgets } from "../services";
import { adminProcedure, router } from "../trpc";

export const budgetsRouter = router({
  overview: adminProcedure
    .input(budgetOverviewInput)
    .query(({ ctx, input }) => budgetOverview(ctx.db, input.fiscalYear)),
  fiscalYears: adminProcedure.query(({ ctx }) => fiscalYearsWithBudgets(ctx.db)),
});
