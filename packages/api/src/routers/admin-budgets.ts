import { budgetDrilldown, budgetDrilldownInput, budgetReview, budgetReviewInput } from "../services/admin";
import { adminProcedure, router } from "../trpc";

/** The admin's budget review: charts' figures per fiscal year, and the grants and payments behind any of them. */
export const adminBudgetsRouter = router({
  review: adminProcedure
    .input(budgetReviewInput)
    .query(({ ctx, input }) => budgetReview(ctx.db, ctx.actor, input.fiscalYear)),
  drilldown: adminProcedure.input(budgetDrilldownInput).query(({ ctx, input }) =>
    budgetDrilldown(ctx.db, ctx.actor, {
      fiscalYear: input.fiscalYear,
      allocationId: input.allocationId,
      organisationId: input.organisationId,
      period: input.period ? `${input.period.fiscalYear}-Q${input.period.quarter}` : undefined,
    }),
  ),
});
